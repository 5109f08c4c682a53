package ru.workready.data.rulesets;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException.Problem;

/**
 * A decision table turned into DRL ({@link DecisionTables#toDrl}). sheet: the worksheet the rules were
 * read from (null for CSV); cells: that sheet's text by row and column (0-based column), to point compile
 * errors at a cell, since the people who fix them look at the spreadsheet, not at the generated DRL.
 */
public record GeneratedTable(String file, DecisionTables.Format format, @Nullable String sheet, String drl,
                             List<GeneratedRule> rules, Map<Integer, List<String>> cells) {

    /** A type or field name Drools quotes in an error: 'EvidenceFacts'. */
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z_$][\\w$.]*)'");

    /** Where a reference to a cell is shown: "file: Sheet!C12", or "file: C12" for CSV. */
    public String where(String cell) {
        return file + ": " + (sheet == null ? "" : DecisionTables.quoteSheet(sheet) + "!") + cell;
    }

    /**
     * Maps a compile error back to the spreadsheet: the rule row it belongs to (by the DRL line, or,
     * for errors Drools reports without a line, by the text it quotes) and, where the offending text
     * contains a cell's value, that cell.
     */
    public Problem locate(@Nullable Integer drlLine, String reason) {
        GeneratedRule rule = null;
        String text = reason;
        if (drlLine != null && drlLine > 0) {
            String[] lines = drl.split("\n", -1);
            rule = ruleAbove(lines, drlLine);
            text = drlLine <= lines.length ? lines[drlLine - 1] : "";
            if (rule == null) {
                // before the first rule: the package header built from the RuleSet/Import/Variables cells
                return settingsProblem("in the RuleSet/Import settings: " + reason);
            }
        }
        Problem template = templateProblem(reason);
        return template != null ? template : ruleProblem(rule, text, reason);
    }

    /** The rule whose generated text holds this DRL line (1-based): the nearest "rule values at" comment above. */
    private @Nullable GeneratedRule ruleAbove(String[] lines, int drlLine) {
        for (int i = Math.min(drlLine, lines.length) - 1; i >= 0; i--) {
            Matcher m = DecisionTables.RULE_VALUES.matcher(lines[i]);
            if (m.find()) {
                int row = Integer.parseInt(m.group(2));
                return rules.stream().filter(r -> r.row() == row).findFirst()
                        .orElse(new GeneratedRule("?", row, m.group(1) + m.group(2)));
            }
        }
        return null;
    }

    /**
     * A problem of one rule row: at the cell of the longest value the offending text contains (of the
     * known rule, else of any rule), else at the rule's first cell; a rule the reason names in quotes
     * when no value matches; the settings rows when no rule is to blame.
     */
    private Problem ruleProblem(@Nullable GeneratedRule known, String text, String reason) {
        GeneratedRule rule = known;
        String cell = rule == null ? null : rule.startCell();
        String value = null;
        int best = 2; // one- and two-character values ("X", "3") would match anywhere
        for (GeneratedRule r : rule == null ? rules : List.of(rule)) {
            List<String> row = cells.getOrDefault(r.row(), List.of());
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c).strip();
                if (v.length() > best && !v.equals(r.name()) && text.contains(v)) {
                    best = v.length();
                    cell = DecisionTables.columnName(c) + r.row();
                    value = v;
                    rule = r;
                }
            }
        }
        if (rule == null) {
            rule = rules.stream().filter(r -> reason.contains("\"" + r.name() + "\"")).findFirst().orElse(null);
            cell = rule == null ? null : rule.startCell();
        }
        if (rule == null) {
            return settingsProblem(reason);
        }
        return new Problem(rule.row(), where(cell), value, "rule \"" + rule.name() + "\": " + reason);
    }

    /**
     * An error naming a type or field in quotes ('EvidenceFacts') that a template cell (the fact-type
     * and code rows under the NAME/CONDITION/ACTION row) holds: the template is at fault, not the rows
     * it generated. Reported once for all rules, without a rule name.
     */
    private @Nullable Problem templateProblem(String reason) {
        int first = rules.stream().mapToInt(GeneratedRule::row).min().orElse(Integer.MAX_VALUE);
        int table = cells.entrySet().stream().filter(e -> e.getKey() < first && e.getValue().stream()
                        .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("ruletable")))
                .mapToInt(Map.Entry::getKey).max().orElse(first);
        Matcher quoted = QUOTED.matcher(reason);
        while (quoted.find()) {
            Pattern word = Pattern.compile("(?<![\\w$.])" + Pattern.quote(quoted.group(1)) + "(?![\\w$])");
            for (int row = table + 2; row < first; row++) { // the fact-type and code rows
                List<String> r = cells.getOrDefault(row, List.of());
                for (int c = 0; c < r.size(); c++) {
                    if (word.matcher(r.get(c)).find()) {
                        return new Problem(row, where(DecisionTables.columnName(c) + row), r.get(c).strip(), reason);
                    }
                }
            }
        }
        return null;
    }

    /** A problem of the settings rows: at the Import cell's value (imports are what goes wrong), else RuleSet. */
    private Problem settingsProblem(String reason) {
        for (String keyword : List.of("Import", "RuleSet")) {
            for (Map.Entry<Integer, List<String>> row : cells.entrySet()) {
                List<String> r = row.getValue();
                for (int c = 0; c < r.size(); c++) {
                    if (r.get(c).strip().equalsIgnoreCase(keyword)) {
                        boolean hasValue = c + 1 < r.size() && !r.get(c + 1).isBlank();
                        int at = hasValue ? c + 1 : c;
                        return new Problem(row.getKey(), where(DecisionTables.columnName(at) + row.getKey()),
                                hasValue ? r.get(at) : null, reason);
                    }
                }
            }
        }
        return new Problem(null, file, null, reason);
    }
}
