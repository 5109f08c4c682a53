package ru.workready.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.workready.data.assessments.ResultField.ASSESSED_ON;
import static ru.workready.data.assessments.ResultField.ATTEMPT;
import static ru.workready.data.assessments.ResultField.CERTIFICATE_NUMBER;
import static ru.workready.data.assessments.ResultField.CONCLUSION;
import static ru.workready.data.assessments.ResultField.GENERALIZED_FUNCTION;
import static ru.workready.data.assessments.ResultField.KIND;
import static ru.workready.data.assessments.ResultField.MAX_POINTS;
import static ru.workready.data.assessments.ResultField.OUTCOME_CODE;
import static ru.workready.data.assessments.ResultField.PLACE;
import static ru.workready.data.assessments.ResultField.RESULT;
import static ru.workready.data.assessments.ResultField.STANDARD_CODE;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.Inputs;
import ru.workready.data.assessments.ResultField;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18, one validator per input: the same result rows, valid and invalid, go to every entry point
 * that takes a result row — a CSV upload, a what-if's extra results, a rule-set test case's results —
 * and each gives the same verdict: accepted, or refused naming the same field (as that input spells it)
 * with the same reason. The table also pins the verdicts themselves (the upload's, documented in
 * docs/ingestion.md). Checks against what the database knows (an unknown outcome of the student's
 * programme, an ОТФ never imported) are not in the table: a test case's student is imagined.
 */
class SameRowsEverywhereTest extends ApiTest {
    private static final LocalDate TODAY = TestClock.today();
    private static final String RECENT = TODAY.minusMonths(1).toString();

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.ApplicationContext app;

    private final JsonMapper json = JsonMapper.builder().build();
    private static ScoringFixture fixture;

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = ScoringFixture.create(app, 1);
        }
    }

    /** A row of the table: its cells, and the field and reason it is refused for (null field: accepted). */
    record Row(String name, Map<ResultField, String> cells, @Nullable ResultField field, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                accepted("a grade", grade()),
                accepted("«зачтено»", grade().andThen(set(RESULT, "зачтено"))),
                accepted("«да»", grade().andThen(set(RESULT, "да"))),
                accepted("«не зачтено»", grade().andThen(set(RESULT, "не зачтено"))),
                accepted("DD.MM.YYYY", grade().andThen(set(ASSESSED_ON, "31.12.2025"))),
                accepted("points of a maximum", points("95", "100")),
                accepted("points with a decimal comma", points("87,5", "100")),
                accepted("kind spelled loosely", grade().andThen(set(KIND, "demo-exam"))),
                accepted("a future date (the upload warns)", grade().andThen(set(ASSESSED_ON,
                        TODAY.plusDays(30).toString()))),
                accepted("a second attempt", grade().andThen(set(ATTEMPT, "2"))),
                accepted("a championship place", points("50", "100").andThen(set(KIND, "CHAMPIONSHIP"))
                        .andThen(set(PLACE, "2"))),
                accepted("a passed НОК with its certificate", nok()),
                accepted("a failed НОК with the conclusion", nok().andThen(set(RESULT, "нет"))
                        .andThen(set(CERTIFICATE_NUMBER, null)).andThen(set(CONCLUSION, "не выполнено задание"))),
                refused("points above the maximum", points("120", "100"), RESULT,
                        "points must be between 0 and max_points 100"),
                refused("a maximum of 0", points("0", "0"), MAX_POINTS, "must be greater than 0"),
                refused("points not a number", points("много", "100"), RESULT,
                        "points and max_points must be numbers"),
                refused("a passed НОК without certificate", nok().andThen(set(CERTIFICATE_NUMBER, null)),
                        CERTIFICATE_NUMBER, "a passed independent assessment needs its certificate number"),
                refused("a failed НОК without conclusion", nok().andThen(set(RESULT, "fail"))
                        .andThen(set(CERTIFICATE_NUMBER, null)), CONCLUSION,
                        "a failed independent assessment needs the commission's conclusion"),
                refused("a НОК against an outcome", nok().andThen(set(OUTCOME_CODE, "ПК 1.1")), OUTCOME_CODE,
                        "an independent assessment (НОК) names standard_code and generalized_function of the "
                                + "qualification instead of an outcome"),
                refused("a НОК in points", nok().andThen(set(RESULT, "80")).andThen(set(MAX_POINTS, "100")),
                        RESULT, "an independent assessment is pass or fail"),
                refused("a НОК without its ОТФ", nok().andThen(set(GENERALIZED_FUNCTION, null)),
                        GENERALIZED_FUNCTION, "required"),
                refused("an unknown kind", grade().andThen(set(KIND, "ESSAY")), KIND,
                        "unknown evidence kind; expected one of [COURSE_GRADE, EMPLOYER_PRACTICE, MODULE_EXAM, "
                                + "DEMO_EXAM, CHAMPIONSHIP, INDEPENDENT_ASSESSMENT]"),
                refused("no kind", grade().andThen(set(KIND, null)), KIND, "required"),
                refused("an empty grade", grade().andThen(set(RESULT, "")), RESULT, "required"),
                refused("a grade of 7", grade().andThen(set(RESULT, "7")), RESULT,
                        "expected a grade 2–5, points with max_points, or pass/fail"),
                refused("a grade written 5.0", grade().andThen(set(RESULT, "5.0")), RESULT,
                        "expected a grade 2–5, points with max_points, or pass/fail"),
                refused("no outcome", grade().andThen(set(OUTCOME_CODE, null)), OUTCOME_CODE,
                        "required (only an independent assessment names standard_code and generalized_function "
                                + "instead)"),
                refused("31 February", grade().andThen(set(ASSESSED_ON, "31.02.2026")), ASSESSED_ON,
                        "not a date (expected YYYY-MM-DD or DD.MM.YYYY)"),
                refused("the year 1800", grade().andThen(set(ASSESSED_ON, "1800-01-01")), ASSESSED_ON,
                        Inputs.DATE_REASON),
                refused("attempt 0", grade().andThen(set(ATTEMPT, "0")), ATTEMPT, "must be 1 or more"),
                refused("a place outside a championship", points("50", "100").andThen(set(PLACE, "3")), PLACE,
                        "only for a championship"),
                refused("a certificate on a course grade", grade().andThen(set(CERTIFICATE_NUMBER, "X-5")),
                        CERTIFICATE_NUMBER, "only for an independent assessment (НОК)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyEntryPointGivesTheSameVerdict(Row row) throws Exception {
        List<String> expected = row.field() == null ? List.of() : List.of(row.field() + ": " + row.reason());
        assertThat(upload(row)).as("upload of %s", row).isEqualTo(expected);
        assertThat(whatIf(row)).as("what-if of %s", row).isEqualTo(expected);
        assertThat(testCase(row)).as("rule-set test case of %s", row).isEqualTo(expected);
    }

    /** The row as the one data row of a CSV file of the fixture's college. */
    private List<String> upload(Row row) throws Exception {
        StringBuilder header = new StringBuilder("student_id");
        StringBuilder line = new StringBuilder(fixture.students().get(0));
        for (ResultField f : ResultField.values()) {
            if (f != ResultField.STUDENT_ID) {
                header.append(';').append(f.column());
                line.append(';').append(row.cells().getOrDefault(f, ""));
            }
        }
        // the row's name as its comment (the last column), so no two files are the same
        String csv = header + "\n" + line + row.name().replace(';', ',') + "\n";
        MockHttpServletResponse r = mvc.perform(post("/api/colleges/" + fixture.college() + "/assessments")
                .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        return verdict(r, column -> byName(column, ResultField::column));
    }

    private List<String> whatIf(Row row) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.putArray("results").add(jsonRow(row));
        MockHttpServletResponse r = mvc.perform(post("/api/students/" + fixture.students().get(0)
                        + "/readiness/what-if").contentType("application/json").content(body.toString()))
                .andReturn().getResponse();
        return verdict(r, column -> byName(column, ResultField::property));
    }

    /** The row as the one result of a rule-set test case (the default DRL, so only the row can fail it). */
    private List<String> testCase(Row row) throws Exception {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("levels.drl", resource("/ru/workready/rules/defaultpolicy/levels.drl"));
        drl.put("evidence.drl", resource("/ru/workready/rules/defaultpolicy/evidence.drl"));
        ObjectNode body = json.createObjectNode();
        body.put("name", "same-rows-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        body.set("drl", json.valueToTree(drl));
        ObjectNode testCase = body.putArray("testCases").addObject();
        testCase.put("name", "rows");
        testCase.put("asOf", TODAY.toString());
        testCase.putArray("results").add(jsonRow(row));
        MockHttpServletResponse r = mvc.perform(post("/api/rule-sets").contentType("application/json")
                .content(body.toString())).andReturn().getResponse();
        return verdict(r, column -> column.startsWith("testCases/rows/")
                ? byName(column.substring("testCases/rows/".length()), ResultField::property) : null);
    }

    /** Accepted (2xx): no problems; refused (400): each problem as "FIELD: reason", the field read back. */
    private List<String> verdict(MockHttpServletResponse r, Function<String, @Nullable ResultField> field)
            throws Exception {
        String content = r.getContentAsString(StandardCharsets.UTF_8);
        if (r.getStatus() / 100 == 2) {
            return List.of();
        }
        assertThat(r.getStatus()).as(content).isEqualTo(400);
        List<String> verdict = new ArrayList<>();
        for (JsonNode p : json.readTree(content).get("problems")) {
            ResultField f = field.apply(p.path("column").asString());
            verdict.add((f == null ? p.path("column").asString() : f.name()) + ": " + p.get("reason").asString());
        }
        return verdict;
    }

    private static @Nullable ResultField byName(String name, Function<ResultField, String> naming) {
        for (ResultField f : ResultField.values()) {
            if (naming.apply(f).equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The row's cells as JSON properties, numbers where the what-if takes numbers. */
    private ObjectNode jsonRow(Row row) {
        ObjectNode o = json.createObjectNode();
        row.cells().forEach((f, v) -> {
            switch (f) {
                case MAX_POINTS -> o.put(f.property(), Double.parseDouble(v));
                case ATTEMPT, PLACE -> o.put(f.property(), Integer.parseInt(v));
                default -> o.put(f.property(), v);
            }
        });
        return o;
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = SameRowsEverywhereTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Row accepted(String name, Function<Map<ResultField, String>, Map<ResultField, String>> cells) {
        return new Row(name, cells.apply(new EnumMap<>(ResultField.class)), null, "");
    }

    private static Row refused(String name, Function<Map<ResultField, String>, Map<ResultField, String>> cells,
                               ResultField field, String reason) {
        return new Row(name, cells.apply(new EnumMap<>(ResultField.class)), field, reason);
    }

    /** Sets a cell; null or empty leaves it blank. */
    private static Function<Map<ResultField, String>, Map<ResultField, String>> set(ResultField f,
                                                                                    @Nullable String value) {
        return m -> {
            if (value == null || value.isEmpty()) {
                m.remove(f);
            } else {
                m.put(f, value);
            }
            return m;
        };
    }

    private static Function<Map<ResultField, String>, Map<ResultField, String>> grade() {
        return set(OUTCOME_CODE, "ПК 1.1").andThen(set(KIND, "COURSE_GRADE")).andThen(set(RESULT, "5"))
                .andThen(set(ASSESSED_ON, RECENT));
    }

    private static Function<Map<ResultField, String>, Map<ResultField, String>> points(String points, String max) {
        return grade().andThen(set(KIND, "DEMO_EXAM")).andThen(set(RESULT, points)).andThen(set(MAX_POINTS, max));
    }

    /** A passed independent assessment of 06.001's ОТФ A. */
    private static Function<Map<ResultField, String>, Map<ResultField, String>> nok() {
        return set(KIND, "INDEPENDENT_ASSESSMENT").andThen(set(RESULT, "pass")).andThen(set(ASSESSED_ON, RECENT))
                .andThen(set(STANDARD_CODE, "06.001")).andThen(set(GENERALIZED_FUNCTION, "A"))
                .andThen(set(CERTIFICATE_NUMBER, "06.00100.01-0001"));
    }
}
