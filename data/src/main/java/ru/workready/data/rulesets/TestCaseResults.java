package ru.workready.data.rulesets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.assessments.CheckedRow;
import ru.workready.data.assessments.ResultRow;
import ru.workready.data.assessments.ResultRowCheck;
import ru.workready.engine.scoring.EvidenceFacts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rule-set test case may give results as rows — {@code "results"}, the rows of an assessment file as
 * a what-if takes them, with {@code "asOf"}, the day they are evaluated — instead of (or next to) the
 * {@code EvidenceFacts} the rules see. Each row is checked by {@link ResultRowCheck} as an upload's row
 * is (a bad one is a problem at {@code testCases/<case>/<property>} with the row's number in the case)
 * and becomes the facts the scoring would make of it: the i-th row has sequence (the case's highest
 * evidence sequence, or 0) + i, its age counted to asOf, the kind's weight from the rule set's parameters.
 * The outcomes are not looked up: a test case's student is imagined.
 */
final class TestCaseResults {

    /** The test cases with every result turned into evidence facts, and the problems of the results. */
    record Expanded(JsonNode testCases, List<Problem> problems) {
    }

    private TestCaseResults() {
    }

    static Expanded expand(JsonNode testCases, Map<String, Double> parameters, JsonMapper json) {
        JsonNode copy = testCases.deepCopy();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) instanceof ObjectNode testCase && (testCase.has("results") || testCase.has("asOf"))) {
                expand(testCase, i, parameters, json, problems);
            }
        }
        return new Expanded(copy, problems);
    }

    private static void expand(ObjectNode testCase, int index, Map<String, Double> parameters, JsonMapper json,
                               List<Problem> problems) {
        String at = "testCases/" + (testCase.path("name").isString() ? testCase.path("name").asString() : "#" + index)
                + "/";
        JsonNode resultsNode = testCase.remove("results");
        JsonNode asOfNode = testCase.remove("asOf");
        List<ResultRow> rows;
        try {
            rows = resultsNode == null ? List.of()
                    : json.convertValue(resultsNode, new TypeReference<List<ResultRow>>() { });
        } catch (RuntimeException e) {
            problems.add(new Problem(null, at + "results", null, "not valid results: " + firstLine(e.getMessage())));
            return;
        }
        String asOfText = asOfNode == null || !asOfNode.isString() ? null : asOfNode.asString();
        LocalDate asOf = asOfText == null ? null : Inputs.parseDate(asOfText);
        if (asOf == null || !Inputs.inRange(asOf)) {
            problems.add(new Problem(null, at + "asOf", asOfText, asOfText == null
                    ? "required with results: the day the results are evaluated (their age is counted to it)"
                    : asOf == null ? "not a date (expected YYYY-MM-DD or DD.MM.YYYY)" : Inputs.DATE_REASON));
            return;
        }
        ArrayNode evidence = testCase.path("evidence") instanceof ArrayNode a ? a : testCase.putArray("evidence");
        long sequence = 0;
        for (JsonNode e : evidence) {
            sequence = Math.max(sequence, e.path("sequence").asLong(0));
        }
        ResultRowCheck check = new ResultRowCheck();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            CheckedRow checked = check.check(rows.get(i).cells(asOf), (field, value, reason) -> problems.add(
                    new Problem(row, at + field.property(), value, reason)));
            if (checked.valid()) {
                double weight = parameters.getOrDefault("weight." + checked.kind().name(),
                        checked.kind().defaultWeight());
                evidence.add(json.valueToTree(EvidenceFacts.of(checked.evidence(sequence + row, "test case", null),
                        asOf, weight)));
            }
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
