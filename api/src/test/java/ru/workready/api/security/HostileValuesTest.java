package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.HostileWorkbooks;

/**
 * NUL characters, impossible dates and malformed header rows thrown at every input path (CSV, JSON,
 * XLSX uploads, JSON bodies, XML, query parameters, path variables): each is a 400 problem detail
 * naming the field — never a 409 or 500 from PostgreSQL refusing the value — and nothing is stored.
 */
class HostileValuesTest extends ApiTest {
    private static final String NUL = "\u0000";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> IMPOSSIBLE_DATES = List.of("0000-01-01", "-0001-01-01", "2101-01-01",
            "+12345-01-01", "1899-12-31", "31.12.1899", "01.01.2101");
    private static final List<Integer> IMPOSSIBLE_YEARS = List.of(0, -1, 2101, 12345);
    private static final String ASSESSMENTS = "student_id;outcome_code;kind;result;assessed_on;comment\n";
    private static final String EMPLOYMENT = "student_id;observed_on;status;source;employer\n";
    private static final String ROSTER = "student_id;programme;last_name;employer_consent;consent_date\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    /** A programme of the demo college (for mapping imports). */
    static long programme;

    @BeforeEach
    void programme() {
        programme = jdbc.sql("select p.id from programme p join college c on c.id = p.college_id where c.code = 'DEMO'"
                + " order by p.id limit 1").query(Long.class).single();
    }

    /** A request, the field its problem must name (null: a refusal of the request as a whole), a name. */
    record Case(String name, Function<Long, MockHttpServletRequestBuilder> request, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        // ---------------------------------------------------------------- NUL characters
        cases.add(new Case("assessments CSV, NUL in a cell", p -> csv("/api/colleges/DEMO/assessments",
                ASSESSMENTS + "DEMO-001;ПК 1.1;COURSE_GRADE;5;2026-11-01;при" + NUL + "вет\n"), "comment"));
        cases.add(new Case("assessments CSV, NUL in the student id", p -> csv("/api/colleges/DEMO/assessments",
                ASSESSMENTS + "DEMO-0" + NUL + "01;ПК 1.1;COURSE_GRADE;5;2026-11-01;\n"), "student_id"));
        cases.add(new Case("assessments JSON, NUL in a string", p -> json(post("/api/colleges/DEMO/assessments"),
                "[{\"student_id\":\"DEMO-001\",\"outcome_code\":\"ПК 1.1\",\"kind\":\"COURSE_GRADE\",\"result\":\"5\","
                        + "\"assessed_on\":\"2026-11-01\",\"comment\":\"a\\u0000b\"}]"), "comment"));
        cases.add(new Case("assessments JSON Lines, NUL in a field name", p -> post("/api/colleges/DEMO/assessments")
                .contentType("application/x-ndjson").content(("{\"student_id\":\"DEMO-001\",\"x\\u0000\":\"1\"}\n")
                        .getBytes(StandardCharsets.UTF_8)), "x␀"));
        cases.add(new Case("assessments XLSX, NUL (as _x0000_) in a cell", p -> post("/api/colleges/DEMO/assessments")
                .contentType(XLSX).content(xlsx("<c r=\"F2\" t=\"inlineStr\"><is><t>a_x0000_b</t></is></c>")), "comment"));
        cases.add(new Case("roster CSV, NUL in a name", p -> csv("/api/colleges/DEMO/students",
                ROSTER + "DEMO-001;09.02.07;Ив" + NUL + "анов;;\n"), "last_name"));
        cases.add(new Case("upload fileName parameter with NUL", p -> csv("/api/colleges/DEMO/assessments",
                ASSESSMENTS + "DEMO-001;ПК 1.1;COURSE_GRADE;5;2026-11-01;\n").param("fileName", "a" + NUL + ".csv"),
                "fileName"));
        cases.add(new Case("what-if JSON, NUL in a string", p -> json(post("/api/students/DEMO-001/readiness/what-if"),
                "{\"results\":[{\"outcomeCode\":\"ПК 1.1\\u0000\",\"kind\":\"COURSE_GRADE\",\"result\":\"5\","
                        + "\"assessedOn\":\"2026-11-01\"}]}"), "results[0].outcomeCode"));
        cases.add(new Case("organisation JSON, NUL in the name", p -> json(post("/api/organisations"),
                "{\"code\":\"nul-org\",\"name\":\"Орг\\u0000\",\"kind\":\"EMPLOYER\"}"), "name"));
        cases.add(new Case("key JSON, NUL in the name", p -> json(post("/api/organisations/ADMIN/keys"),
                "{\"role\":\"ADMIN\",\"name\":\"k\\u0000\"}"), "name"));
        cases.add(new Case("employer JSON, NUL in the name", p -> json(post("/api/employers"),
                "{\"code\":\"NUL-EMP\",\"name\":\"E\\u0000\",\"region\":\"R\"}"), "name"));
        cases.add(new Case("demand CSV, NUL in the region", p -> csv("/api/demand",
                "region;year;needed;standard_code;function_code\nРег" + NUL + "ион;2027;12;06.001;A/05.3\n"), "region"));
        cases.add(new Case("demand JSON, NUL in the region", p -> json(post("/api/demand"),
                "[{\"region\":\"R\\u0000\",\"year\":2027,\"needed\":3,\"standardCode\":\"06.001\","
                        + "\"functionCode\":\"A/05.3\"}]"), "[0].region"));
        cases.add(new Case("forecast CSV, NUL in the source", p -> csv("/api/forecasts",
                "region;year;fgos_code;count;source\nDEMO;2028;09.02.07;5;про" + NUL + "гноз\n"), "source"));
        cases.add(new Case("ТОП-Регион CSV, NUL in the name", p -> csv("/api/top-region",
                "region;list_year;fgos_code;name;rank\nDEMO;2027;09.02.07;Инфо" + NUL + "рм;1\n"), "name"));
        cases.add(new Case("capacity CSV, NUL in the college", p -> csv("/api/intake-capacities",
                "college;fgos_code;places\nDE" + NUL + "MO;09.02.07;40\n"), "college"));
        cases.add(new Case("path variable with NUL (training order region)", p -> get(
                "/api/regions/{region}/training-order", "DE" + NUL + "MO"), null));
        cases.add(new Case("programme JSON, NUL in a name", p -> json(post("/api/colleges/DEMO/programmes"),
                programme("\"Программа\\u0000\"", 2025)), "/name"));
        cases.add(new Case("programme CSV, NUL in a name", p -> csv("/api/colleges/DEMO/programmes",
                "kind;code;name;activity_code;module_code;parent_code;qualification;qualification_level;intake_year\n"
                        + "PROGRAMME;09.02.07;Прог" + NUL + "рамма;;;;Программист;5;2025\n"), "name"));
        cases.add(new Case("mapping CSV, NUL in a cell", p -> csv("/api/programmes/" + p + "/mapping-sets",
                "outcome_code;function_code;type;weight\nПК 1.1;A/01.3" + NUL + ";EXACT;1.0\n")
                .param("standardCode", "06.001").param("author", "методист"), "function_code"));
        cases.add(new Case("mapping author parameter with NUL", p -> csv("/api/programmes/" + p + "/mapping-sets",
                "outcome_code;function_code;type;weight\nПК 1.1;A/01.3;EXACT;1.0\n")
                .param("standardCode", "06.001").param("author", "мето" + NUL + "дист"), "author"));
        cases.add(new Case("rule set JSON, NUL in the description", p -> json(post("/api/rule-sets"),
                "{\"name\":\"nul-rules\",\"description\":\"d\\u0000\",\"drl\":{\"a.drl\":\"package x;\"}}"),
                "description"));
        cases.add(new Case("rescoring job JSON, NUL in the college", p -> json(post("/api/rescoring-jobs"),
                "{\"college\":\"DEMO\\u0000\"}"), "college"));
        cases.add(new Case("consent JSON, NUL in the date", p -> json(put("/api/students/DEMO-001/consent"),
                "{\"consent\":true,\"date\":\"2026-01-01\\u0000\"}"), "date"));
        cases.add(new Case("standard XML, NUL as a character reference", p -> post("/api/standards")
                .contentType("application/xml").content("<?xml version=\"1.0\"?><XMLCardInfo>&#0;</XMLCardInfo>"),
                null));
        cases.add(new Case("standard XML, a raw NUL byte", p -> post("/api/standards").contentType("application/xml")
                .content(("<?xml version=\"1.0\"?><XMLCardInfo>" + NUL + "</XMLCardInfo>").getBytes(
                        StandardCharsets.UTF_8)), null));
        cases.add(new Case("query parameter with NUL (standards q)", p -> get("/api/standards").param("q", "a" + NUL),
                "q"));
        cases.add(new Case("query parameter with NUL (functions q)", p -> get("/api/functions").param("q", NUL),
                "q"));
        cases.add(new Case("query parameter with NUL (audit subject)", p -> get("/api/audit").param("subject", NUL),
                "subject"));
        cases.add(new Case("query parameter with NUL (readiness standard)", p -> get("/api/students/DEMO-001/readiness")
                .param("standard", "06.001" + NUL), "standard"));
        cases.add(new Case("path variable with NUL (student)", p -> get("/api/students/{id}/readiness",
                "DEMO-001" + NUL), null));
        cases.add(new Case("path variable with NUL (college)", p -> get("/api/colleges/{college}/uploads",
                "DEMO" + NUL), null));
        cases.add(new Case("employment CSV, NUL in the employer", p -> csv("/api/colleges/DEMO/employment",
                EMPLOYMENT + "DEMO-001;2026-07-01;EMPLOYED;COLLEGE_SURVEY;ООО" + NUL + "\n"), "employer"));
        cases.add(new Case("employment report parameter with NUL", p -> get("/api/reports/employment")
                .param("fgos", "09" + NUL), "fgos"));
        cases.add(new Case("validity report, year 0", p -> get("/api/reports/validity").param("standard", "06.001")
                .param("from", "0"), "from"));
        // ---------------------------------------------------------------- impossible dates
        for (String d : IMPOSSIBLE_DATES) {
            cases.add(new Case("assessments CSV, assessed_on " + d, p -> csv("/api/colleges/DEMO/assessments",
                    ASSESSMENTS + "DEMO-001;ПК 1.1;COURSE_GRADE;5;" + d + ";\n"), "assessed_on"));
            cases.add(new Case("assessments JSON, assessed_on " + d, p -> json(post("/api/colleges/DEMO/assessments"),
                    "[{\"student_id\":\"DEMO-001\",\"outcome_code\":\"ПК 1.1\",\"kind\":\"COURSE_GRADE\","
                            + "\"result\":\"5\",\"assessed_on\":\"" + d + "\"}]"), "assessed_on"));
            cases.add(new Case("employment CSV, observed_on " + d, p -> csv("/api/colleges/DEMO/employment",
                    EMPLOYMENT + "DEMO-001;" + d + ";EMPLOYED;COLLEGE_SURVEY;\n"), "observed_on"));
            cases.add(new Case("roster CSV, consent_date " + d, p -> csv("/api/colleges/DEMO/students",
                    ROSTER + "DEMO-001;09.02.07;Иванов;да;" + d + "\n"), "consent_date"));
            if (d.contains("-")) { // JSON and parameters take ISO dates
                cases.add(new Case("consent JSON, date " + d, p -> json(put("/api/students/DEMO-001/consent"),
                        "{\"consent\":true,\"date\":\"" + d + "\"}"), "date"));
                cases.add(new Case("what-if JSON, assessedOn " + d, p -> json(
                        post("/api/students/DEMO-001/readiness/what-if"), "{\"results\":[{\"outcomeCode\":\"ПК 1.1\","
                                + "\"kind\":\"COURSE_GRADE\",\"result\":\"5\",\"assessedOn\":\"" + d + "\"}]}"),
                        "assessedOn"));
                cases.add(new Case("key JSON, expiresAt " + d, p -> json(post("/api/organisations/ADMIN/keys"),
                        "{\"role\":\"ADMIN\",\"name\":\"k\",\"expiresAt\":\"" + d + "T00:00:00Z\"}"), "expiresAt"));
                cases.add(new Case("readiness asOf " + d, p -> get("/api/students/DEMO-001/readiness").param("asOf", d),
                        "asOf"));
                cases.add(new Case("audit from " + d, p -> get("/api/audit").param("from", d + "T00:00:00Z"), "from"));
            }
        }
        for (int y : IMPOSSIBLE_YEARS) {
            cases.add(new Case("roster CSV, intake_year " + y, p -> csv("/api/colleges/DEMO/students",
                    "student_id;programme;intake_year\nDEMO-001;09.02.07;" + y + "\n"), "intake_year"));
            cases.add(new Case("demand CSV, year " + y, p -> csv("/api/demand",
                    "region;year;needed;standard_code;function_code\nРегион;" + y + ";12;06.001;A/05.3\n"), "year"));
            cases.add(new Case("forecast CSV, year " + y, p -> csv("/api/forecasts",
                    "region;year;fgos_code;count\nDEMO;" + y + ";09.02.07;5\n"), "year"));
            cases.add(new Case("training order, from " + y, p -> get("/api/regions/DEMO/training-order")
                    .param("from", String.valueOf(y)), "from"));
            cases.add(new Case("programme JSON, intakeYear " + y, p -> json(post("/api/colleges/DEMO/programmes"),
                    programme("\"Программа\"", y)), "/intakeYear"));
        }
        // ---------------------------------------------------------------- malformed header rows
        String[][] headers = {
                {"duplicate column", "student_id;outcome_code;kind;result;assessed_on;kind\n", "kind"},
                {"empty column name", "student_id;;outcome_code;kind;result;assessed_on\n", "column 2"},
                {"NUL in a column name", "student_id;outcome_code;kind;result;assessed_on;comm" + NUL + "ent\n",
                        "comm␀ent"},
                {"only a BOM", "\uFEFF", null}};
        for (String[] h : headers) {
            String row = "DEMO-001;;ПК 1.1;COURSE_GRADE;5;2026-11-01\n";
            cases.add(new Case("assessments CSV header: " + h[0], p -> csv("/api/colleges/DEMO/assessments",
                    h[0].equals("only a BOM") ? h[1] : h[1] + row), h[2]));
            cases.add(new Case("roster CSV header: " + h[0], p -> csv("/api/colleges/DEMO/students",
                    h[1].replace("outcome_code", "programme")), h[2]));
            cases.add(new Case("demand CSV header: " + h[0], p -> csv("/api/demand",
                    h[1].replace("student_id", "region").replace("outcome_code", "year")), h[2]));
            cases.add(new Case("mapping CSV header: " + h[0], p -> csv("/api/programmes/" + p + "/mapping-sets",
                    h[1].replace("student_id", "outcome_code").replace("outcome_code;kind", "function_code;kind"))
                    .param("standardCode", "06.001").param("author", "методист"), h[2]));
        }
        cases.add(new Case("assessments XLSX header: duplicate column", p -> post("/api/colleges/DEMO/assessments")
                .contentType(XLSX).content(HostileWorkbooks.workbook(List.of(
                        List.of("student_id", "kind", "result", "assessed_on", "outcome_code", "KIND"),
                        List.of("DEMO-001", "COURSE_GRADE", "5", "2026-11-01", "ПК 1.1", "x")))), "kind"));
        cases.add(new Case("assessments XLSX header: empty column name", p -> post("/api/colleges/DEMO/assessments")
                .contentType(XLSX).content(HostileWorkbooks.workbook(List.of(
                        List.of("student_id", "", "kind", "result", "assessed_on", "outcome_code"),
                        List.of("DEMO-001", "x", "COURSE_GRADE", "5", "2026-11-01", "ПК 1.1")))), "column 2"));
        cases.add(new Case("assessments JSON: duplicate field", p -> json(post("/api/colleges/DEMO/assessments"),
                "[{\"student_id\":\"DEMO-001\",\"STUDENT_ID\":\"DEMO-002\"}]"), "student_id"));
        // ---------------------------------------------------------------- XLSX beyond its limits
        cases.add(new Case("assessments XLSX, 100 MB shared-strings table", p -> post("/api/colleges/DEMO/assessments")
                .contentType(XLSX).content(HostileWorkbooks.replace(HostileWorkbooks.workbook(List.of(List.of("x"))),
                        "xl/sharedStrings.xml", HostileWorkbooks.repeated(100L << 20, ' '))), "xl/sharedStrings.xml"));
        cases.add(new Case("assessments XLSX, a million and one shared strings", p -> post("/api/colleges/DEMO/assessments")
                .contentType(XLSX).content(HostileWorkbooks.replace(HostileWorkbooks.workbook(List.of(List.of("x"))),
                        "xl/sharedStrings.xml", HostileWorkbooks.sharedStrings(1_000_001, false))),
                "xl/sharedStrings.xml"));
        cases.add(new Case("roster XLSX, styles that inflate past the cap behind lying headers", p ->
                post("/api/colleges/DEMO/students").contentType(XLSX).content(HostileWorkbooks.lie(
                        HostileWorkbooks.replace(HostileWorkbooks.workbook(List.of(List.of("x"))), "xl/styles.xml",
                                HostileWorkbooks.repeated(64L << 20, ' ')), "xl/styles.xml", 1000)), "xl/styles.xml"));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isA400ProblemNamingTheField(Case c) throws Exception {
        long evidence = count("evidence");
        long uploads = count("upload where status = 'COMPLETED'");
        MockHttpServletResponse r = mvc.perform(c.request().apply(programme)).andReturn().getResponse();
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as("%s: %s", c, body).isEqualTo(400);
        assertThat(r.getContentType()).as(c.name()).contains("application/problem+json");
        assertThat(body).as(c.name()).contains("https://workready.ru/problems/")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQL");
        if (c.field() != null) {
            assertThat(body).as("%s names the field: %s", c, body).contains("\"column\":\"" + c.field() + "\"");
        }
        assertThat(count("evidence")).as("nothing stored").isEqualTo(evidence);
        assertThat(count("upload where status = 'COMPLETED'")).as("no upload completed").isEqualTo(uploads);
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder csv(String path, String content) {
        return post(path).contentType("text/csv").content(content.getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String content) {
        return request.contentType("application/json").content(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String programme(String name, int year) {
        return "{\"fgosCode\": \"09.02.07\", \"name\": " + name + ", \"qualification\": \"Программист\","
                + " \"qualificationLevel\": 5, \"intakeYear\": " + year + ","
                + " \"activities\": [{\"code\": \"ВД 1\", \"moduleCode\": \"ПМ.01\", \"name\": \"Разработка\"}],"
                + " \"outcomes\": [{\"code\": \"ПК 1.1\", \"kind\": \"PROFESSIONAL\", \"name\": \"Алгоритмы\","
                + " \"activityCode\": \"ВД 1\"}]}";
    }

    /** An assessments workbook whose second row has the given extra cell (column F, the comment). */
    private static byte[] xlsx(String extraCell) {
        String xml = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\">" + inline("A1", "student_id") + inline("B1", "outcome_code")
                + inline("C1", "kind") + inline("D1", "result") + inline("E1", "assessed_on") + inline("F1", "comment")
                + "</row><row r=\"2\">" + inline("A2", "DEMO-001") + inline("B2", "ПК 1.1") + inline("C2", "COURSE_GRADE")
                + inline("D2", "5") + inline("E2", "2026-11-01") + extraCell + "</row></sheetData></worksheet>";
        return HostileWorkbooks.replace(HostileWorkbooks.workbook(List.of(List.of("x"))), "xl/worksheets/sheet1.xml",
                out -> {
                    try {
                        out.write(xml.getBytes(StandardCharsets.UTF_8));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }
}
