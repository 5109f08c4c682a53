package ru.workready.data.rulesets;

/** One rule generated from a decision table row; row is the spreadsheet row (1-based). */
public record GeneratedRule(String name, int row, String startCell) {
}
