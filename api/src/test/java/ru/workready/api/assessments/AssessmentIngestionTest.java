package ru.workready.api.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assessment uploads over HTTP: every format and encoding, every evidence kind, every rejection reason. */
class AssessmentIngestionTest extends ApiTest {
    static final String HEADER = "student_id;programme;outcome_code;kind;result;max_points;assessed_on;attempt;assessor;"
            + "standard_code;generalized_function;certificate_number;conclusion;place;comment";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;

    private final JsonMapper json = JsonMapper.builder().build();
    private static IngestionFixture fixture;

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = IngestionFixture.create(programmes, students, "ING", 40);
        }
    }

    String s(int i) {
        return fixture.student(i);
    }

    MockHttpServletRequestBuilder upload(String contentType, byte[] body) {
        return post("/api/colleges/" + fixture.college + "/assessments").contentType(contentType).content(body);
    }

    JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long evidence() {
        return jdbc.sql("select count(*) from evidence e join student s on s.id = e.student_id where s.college_id = ?")
                .param(fixture.collegeId).query(Long.class).single();
    }

    JsonNode history(String student) throws Exception {
        return body(mvc.perform(get("/api/students/" + student + "/evidence")).andExpect(status().isOk()).andReturn());
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("CSV, UTF-8, ';'", "text/csv", "UTF-8", "CSV"),
                Arguments.of("CSV, UTF-8 with BOM, ','", "text/csv", "UTF-8", "CSV"),
                Arguments.of("CSV, Windows-1251, ';'", "text/csv", "windows-1251", "CSV"),
                Arguments.of("JSON array", "application/json", "UTF-8", "JSON"),
                Arguments.of("JSON Lines", "application/x-ndjson", "UTF-8", "JSON"),
                Arguments.of("JSON sent as octet-stream", "application/octet-stream", "UTF-8", "JSON"),
                Arguments.of("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null,
                        "XLSX"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyFormatAndEncodingIsStored(String name, String contentType, String encoding, String format)
            throws Exception {
        int index = formats().map(a -> (String) a.get()[0]).toList().indexOf(name);
        String student = s(1 + index);
        String assessor = "ООО «Рога и копыта» №" + index;
        byte[] content = content(name, student, assessor);
        long before = evidence();
        JsonNode r = body(mvc.perform(upload(contentType, content))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn());
        assertThat(r.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(r.get("rows").asInt()).as(name).isEqualTo(2);
        assertThat(r.get("format").asString()).isEqualTo(format);
        if (encoding != null) {
            assertThat(r.get("encoding").asString()).isEqualTo(encoding);
        }
        assertThat(r.get("countsByKind").get("COURSE_GRADE").asInt()).isEqualTo(1);
        assertThat(r.get("countsByKind").get("DEMO_EXAM").asInt()).isEqualTo(1);
        assertThat(evidence()).isEqualTo(before + 2);
        JsonNode h = history(student);
        assertThat(h.size()).isEqualTo(2);
        JsonNode demo = h.get(0).get("kind").asString().equals("DEMO_EXAM") ? h.get(0) : h.get(1);
        assertThat(demo.get("outcomeCode").asString()).isEqualTo("ПК 1.1");
        assertThat(demo.get("assessor").asString()).isEqualTo(assessor);
        assertThat(demo.get("grade").asInt()).as("demo exam grade from 72 %").isEqualTo(5);
        assertThat(demo.get("assessedOn").asString()).isEqualTo("2026-06-15");
    }

    private static byte[] content(String name, String student, String assessor) {
        String semicolon = "student_id;outcome_code;kind;result;max_points;assessed_on;assessor\n"
                + student + ";пк 1.1;DEMO_EXAM;72;100;15.06.2026;" + assessor + "\n"
                + student + ";ПК 1.2;course_grade;4;;2026-06-16;\n";
        String json = "{\"student_id\":\"" + student + "\",\"outcome_code\":\"ПК 1.1\",\"kind\":\"DEMO_EXAM\","
                + "\"result\":72,\"max_points\":100,\"assessed_on\":\"2026-06-15\",\"assessor\":\"" + assessor + "\"}";
        String json2 = "{\"student_id\":\"" + student + "\",\"outcome_code\":\"ПК 1.2\",\"kind\":\"COURSE_GRADE\","
                + "\"result\":\"4\",\"assessed_on\":\"2026-06-16\",\"assessor\":null}";
        switch (name) {
            case "CSV, UTF-8, ';'":
                return semicolon.getBytes(StandardCharsets.UTF_8);
            case "CSV, UTF-8 with BOM, ','":
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        semicolon.replace(';', ',').getBytes(StandardCharsets.UTF_8));
            case "CSV, Windows-1251, ';'":
                return semicolon.getBytes(Charset.forName("windows-1251"));
            case "JSON array":
                return ("[\n " + json + ",\n " + json2 + "\n]").getBytes(StandardCharsets.UTF_8);
            case "JSON Lines":
            case "JSON sent as octet-stream":
                return (json + "\n" + json2 + "\n").getBytes(StandardCharsets.UTF_8);
            default:
                return IngestionFixture.xlsx(List.of(
                        Arrays.asList("student_id", "outcome_code", "kind", "result", "max_points", "assessed_on",
                                "assessor"),
                        Arrays.asList(student, "ПК 1.1", "DEMO_EXAM", 72, 100, LocalDate.of(2026, 6, 15), assessor),
                        Arrays.asList(student, "ПК 1.2", "COURSE_GRADE", 4, null, LocalDate.of(2026, 6, 16), null)));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void everyEvidenceKindIsStoredWithItsDetails() throws Exception {
        String st = s(20);
        String csv = HEADER + "\n"
                + st + ";09.02.07;ПК 1.1;COURSE_GRADE;5;;2026-01-10;1;;;;;;;\n"
                + st + ";09.02.07;ПК 1.1;EMPLOYER_PRACTICE;4;;2026-05-30;1;ООО «Софт»;;;;;;оценка руководителя практики\n"
                + st + ";09.02.07;ПК 1.1;MODULE_EXAM;зачтено;;2026-01-20;1;;;;;;;\n"
                + st + ";09.02.07;ПК 1.1;DEMO_EXAM;35;100;2026-06-15;1;ЦПДЭ;;;;;;\n"
                + st + ";09.02.07;ПК 1.2;CHAMPIONSHIP;87;100;2026-03-10;1;Чемпионат «Профессионалы»;;;;;2;\n"
                + st + ";;;INDEPENDENT_ASSESSMENT;pass;;2026-06-30;1;ЦОК;06.001;А;06.00100.01-0001;;;\n"
                + st + ";;;INDEPENDENT_ASSESSMENT;fail;;2026-07-30;1;ЦОК;06.001;B;;Не выполнено практическое задание;;\n";
        JsonNode r = body(mvc.perform(upload("text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated()).andReturn());
        assertThat(r.get("countsByKind").toString()).isEqualTo("{\"CHAMPIONSHIP\":1,\"COURSE_GRADE\":1,"
                + "\"DEMO_EXAM\":1,\"EMPLOYER_PRACTICE\":1,\"INDEPENDENT_ASSESSMENT\":2,\"MODULE_EXAM\":1}");
        assertThat(r.get("affectedStudents").get(0).asString()).isEqualTo(st);
        JsonNode h = history(st);
        assertThat(h.size()).isEqualTo(7);
        assertThat(h.get(1).get("comment").asString()).isEqualTo("оценка руководителя практики");
        assertThat(h.get(2).get("passed").asBoolean()).isTrue();
        assertThat(h.get(3).get("grade").asInt()).as("35 % of points → grade 3 (DESIGN §3)").isEqualTo(3);
        assertThat(h.get(3).get("points").asDouble()).isEqualTo(35.0);
        assertThat(h.get(4).get("place").asInt()).isEqualTo(2);
        assertThat(h.get(5).get("generalizedFunctionCode").asString()).as("Cyrillic А normalized").isEqualTo("A");
        assertThat(h.get(5).get("certificateNumber").asString()).isEqualTo("06.00100.01-0001");
        assertThat(h.get(6).get("passed").asBoolean()).isFalse();
        assertThat(h.get(6).get("conclusion").asString()).isEqualTo("Не выполнено практическое задание");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("unknown student", "NOBODY;;ПК 1.1;COURSE_GRADE;5;;2026-01-10;;;;;;;;", "student_id",
                        "unknown student"),
                Arguments.of("student of another college", "DEMO-001;;ПК 1.1;COURSE_GRADE;5;;2026-01-10;;;;;;;;",
                        "student_id", "unknown student"),
                Arguments.of("missing student", ";;ПК 1.1;COURSE_GRADE;5;;2026-01-10;;;;;;;;", "student_id",
                        "required"),
                Arguments.of("other programme", "@;11.02.01;ПК 1.1;COURSE_GRADE;5;;2026-01-10;;;;;;;;", "programme",
                        "the student studies programme 09.02.07"),
                Arguments.of("unknown outcome", "@;;ПК 9.9;COURSE_GRADE;5;;2026-01-10;;;;;;;;", "outcome_code",
                        "unknown outcome code"),
                Arguments.of("missing outcome", "@;;;COURSE_GRADE;5;;2026-01-10;;;;;;;;", "outcome_code", "required"),
                Arguments.of("unknown kind", "@;;ПК 1.1;ESSAY;5;;2026-01-10;;;;;;;;", "kind", "unknown evidence kind"),
                Arguments.of("grade out of range", "@;;ПК 1.1;COURSE_GRADE;7;;2026-01-10;;;;;;;;", "result",
                        "expected a grade 2–5"),
                Arguments.of("missing result", "@;;ПК 1.1;COURSE_GRADE;;;2026-01-10;;;;;;;;", "result", "required"),
                Arguments.of("points over max", "@;;ПК 1.1;DEMO_EXAM;120;100;2026-01-10;;;;;;;;", "result",
                        "between 0 and max_points"),
                Arguments.of("max not positive", "@;;ПК 1.1;DEMO_EXAM;0;0;2026-01-10;;;;;;;;", "max_points",
                        "greater than 0"),
                Arguments.of("points not a number", "@;;ПК 1.1;DEMO_EXAM;много;100;2026-01-10;;;;;;;;", "result",
                        "must be numbers"),
                Arguments.of("bad date", "@;;ПК 1.1;COURSE_GRADE;5;;31.02.2026;;;;;;;;", "assessed_on", "not a date"),
                Arguments.of("missing date", "@;;ПК 1.1;COURSE_GRADE;5;;;;;;;;;;", "assessed_on", "required"),
                Arguments.of("attempt zero", "@;;ПК 1.1;COURSE_GRADE;5;;2026-01-10;0;;;;;;;", "attempt",
                        "1 or more"),
                Arguments.of("attempt not a number", "@;;ПК 1.1;COURSE_GRADE;5;;2026-01-10;второй;;;;;;;", "attempt",
                        "not a whole number"),
                Arguments.of("НОК with points", "@;;;INDEPENDENT_ASSESSMENT;80;100;2026-01-10;;;06.001;A;X-1;;;",
                        "result", "pass or fail"),
                Arguments.of("НОК passed without certificate", "@;;;INDEPENDENT_ASSESSMENT;pass;;2026-01-10;;;06.001;A;;;;",
                        "certificate_number", "certificate number"),
                Arguments.of("НОК failed without conclusion", "@;;;INDEPENDENT_ASSESSMENT;fail;;2026-01-10;;;06.001;A;;;;",
                        "conclusion", "commission's conclusion"),
                Arguments.of("НОК naming an outcome", "@;;ПК 1.1;INDEPENDENT_ASSESSMENT;pass;;2026-01-10;;;06.001;A;X-2;;;",
                        "outcome_code", "instead of an outcome"),
                Arguments.of("НОК without ОТФ", "@;;;INDEPENDENT_ASSESSMENT;pass;;2026-01-10;;;06.001;;X-3;;;",
                        "generalized_function", "required"),
                Arguments.of("НОК of an unknown ОТФ", "@;;;INDEPENDENT_ASSESSMENT;pass;;2026-01-10;;;06.001;Z;X-4;;;",
                        "generalized_function", "no imported professional standard"),
                Arguments.of("certificate on a course grade", "@;;ПК 1.1;COURSE_GRADE;5;;2026-01-10;;;;;X-5;;;",
                        "certificate_number", "only for an independent assessment"),
                Arguments.of("place outside a championship", "@;;ПК 1.1;DEMO_EXAM;50;100;2026-01-10;;;;;;;3;",
                        "place", "only for a championship"),
                Arguments.of("place not a number", "@;;ПК 1.1;CHAMPIONSHIP;50;100;2026-01-10;;;;;;;первое;",
                        "place", "not a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void everyRejectionReasonRefusesTheWholeFile(String name, String badRow, String column, String reason)
            throws Exception {
        long before = evidence();
        String good = s(30) + ";;ПК 1.1;COURSE_GRADE;5;;2026-01-10;;;;;;;;" + name;
        String csv = HEADER + "\n" + good + "\n" + badRow.replace("@", s(30)) + "\n" + good + "-2\n";
        JsonNode r = body(mvc.perform(upload("text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-assessment-file"))
                .andReturn());
        assertThat(r.get("problemCount").asInt()).as(r.toString()).isEqualTo(1);
        JsonNode p = r.get("problems").get(0);
        assertThat(p.get("row").asInt()).isEqualTo(3);
        assertThat(p.get("column").asString()).isEqualTo(column);
        assertThat(p.get("reason").asString()).contains(reason);
        assertThat(evidence()).as("nothing stored").isEqualTo(before);
        Long rejected = jdbc.sql("select count(*) from upload where college_id = ? and status = 'REJECTED' and problem_count = 1")
                .param(fixture.collegeId).query(Long.class).single();
        assertThat(rejected).isPositive();
    }

    @Test
    void fileLevelRejections() throws Exception {
        long before = evidence();
        mvc.perform(upload("text/csv", "student_id;kind;result\nX;COURSE_GRADE;5\n".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("assessed_on"))
                .andExpect(jsonPath("$.problems[0].reason").value("missing column"));
        mvc.perform(upload("text/csv", (HEADER + "\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The file has no data rows"));
        mvc.perform(upload("application/json", "[{\"student_id\": \"x\",".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-assessment-file"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Malformed JSON")));
        mvc.perform(upload("application/json", "[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].reason").value("expected an object"));
        mvc.perform(upload("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "not a workbook".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Not an XLSX workbook")));
        mvc.perform(post("/api/colleges/NO-SUCH-COLLEGE/assessments").contentType("text/csv").content("a\n1\n"))
                .andExpect(status().isNotFound());
        assertThat(evidence()).isEqualTo(before);
    }

    @Test
    void everyBadRowIsCountedAndTheListIsCapped() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 150; i++) {
            csv.append("GHOST-").append(i).append(";;ПК 1.1;COURSE_GRADE;5;;2026-01-10;;;;;;;;\n");
        }
        csv.append(s(31)).append(";;ПК 1.1;COURSE_GRADE;9;;2026-01-10;;;;;;;;\n");
        JsonNode r = body(mvc.perform(upload("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(r.get("problemCount").asInt()).isEqualTo(151);
        assertThat(r.get("problems").size()).isEqualTo(100);
        assertThat(r.get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(r.get("problems").get(99).get("row").asInt()).isEqualTo(101);
    }

    @Test
    void sameContentOrSameKeyIsAcceptedOnce() throws Exception {
        String csv = HEADER + "\n" + s(32) + ";;ПК 1.1;COURSE_GRADE;5;;2026-02-10;;;;;;;;once\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        JsonNode first = body(mvc.perform(upload("text/csv", bytes)).andExpect(status().isCreated()).andReturn());
        long stored = evidence();
        JsonNode again = body(mvc.perform(upload("text/csv", bytes)).andExpect(status().isOk()).andReturn());
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("uploadId").asLong()).isEqualTo(first.get("uploadId").asLong());
        assertThat(again.get("rows").asInt()).isEqualTo(1);
        assertThat(evidence()).isEqualTo(stored);

        byte[] other = (csv + s(32) + ";;ПК 1.2;COURSE_GRADE;4;;2026-02-10;;;;;;;;\n").getBytes(StandardCharsets.UTF_8);
        JsonNode keyed = body(mvc.perform(upload("text/csv", other).header("Idempotency-Key", "k-" + fixture.college))
                .andExpect(status().isCreated()).andReturn());
        JsonNode retried = body(mvc.perform(upload("text/csv", (csv + "\n\n").getBytes(StandardCharsets.UTF_8))
                        .header("Idempotency-Key", "k-" + fixture.college))
                .andExpect(status().isOk()).andReturn());
        assertThat(retried.get("uploadId").asLong()).isEqualTo(keyed.get("uploadId").asLong());
        assertThat(evidence()).isEqualTo(stored + 2);
    }

    @Test
    void aRejectedFileCanBeSentAgainOnceFixed() throws Exception {
        String csv = HEADER + "\n" + fixture.college + "-LATE;;ПК 1.1;COURSE_GRADE;5;;2026-02-10;;;;;;;;\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        mvc.perform(upload("text/csv", bytes)).andExpect(status().isBadRequest());
        students.insertAll(List.of(new StudentRepository.Student(fixture.college + "-LATE", fixture.collegeId,
                fixture.college, fixture.programmeId, null, false, null)));
        mvc.perform(upload("text/csv", bytes)).andExpect(status().isCreated());
    }

    @Test
    void futureDatesAreWarnings() throws Exception {
        LocalDate future = ru.workready.data.testing.TestClock.today().plusDays(30);
        String csv = HEADER + "\n" + s(33) + ";;ПК 1.1;COURSE_GRADE;5;;" + future + ";;;;;;;;\n";
        mvc.perform(upload("text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warningCount").value(1))
                .andExpect(jsonPath("$.warnings[0]").value("row 2: assessed_on " + future + " is in the future"));
    }

    @Test
    void aCorrectionSupersedesAndHistoryStays() throws Exception {
        String st = s(34);
        String row = st + ";;ПК 1.1;MODULE_EXAM;%d;;2026-03-01;1;;;;;;;%s\n";
        mvc.perform(upload("text/csv", (HEADER + "\n" + String.format(row, 3, "")).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated());
        mvc.perform(upload("text/csv", (HEADER + "\n" + String.format(row, 4, "исправление оценки"))
                        .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated());
        JsonNode h = history(st);
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.get(0).get("grade").asInt()).isEqualTo(3);
        assertThat(h.get(0).get("current").asBoolean()).isFalse();
        assertThat(h.get(1).get("grade").asInt()).isEqualTo(4);
        assertThat(h.get(1).get("current").asBoolean()).isTrue();
    }

    @Test
    void aLargeUploadRunsInTheBackgroundAndItsScoresCatchUp() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<String> codes = List.of("ПК 1.1", "ПК 1.2", "ПК 2.1", "ОК 01");
        for (int i = 0; i < 2000; i++) {
            csv.append(s(35 + i % 5)).append(";;").append(codes.get(i % 4)).append(";COURSE_GRADE;")
                    .append(2 + i % 4).append(";;2026-04-").append(10 + i % 18).append(";;;;;;;;\n");
        }
        MvcResult accepted = mvc.perform(upload("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .header("Prefer", "respond-async"))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(header().string("Retry-After", "1"))
                .andReturn();
        String location = accepted.getResponse().getHeader("Location");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !body(mvc.perform(get(location)).andReturn()).get("status").asString().equals("PROCESSING"));
        JsonNode done = body(mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(header().doesNotExist("Retry-After")).andReturn());
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("rows").asInt()).isEqualTo(2000);
        assertThat(done.get("rowsRead").asLong()).isEqualTo(2000);
        assertThat(done.get("studentCount").asInt()).isEqualTo(5);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                body(mvc.perform(get(location)).andReturn()).get("staleScores").asLong() == 0);
        JsonNode list = body(mvc.perform(get("/api/colleges/" + fixture.college + "/uploads")).andExpect(status().isOk())
                .andReturn());
        List<Long> ids = new ArrayList<>();
        list.forEach(u -> ids.add(u.get("uploadId").asLong()));
        assertThat(ids).contains(done.get("uploadId").asLong());
        mvc.perform(get("/api/colleges/DEMO/uploads/" + done.get("uploadId").asLong())).andExpect(status().isNotFound());
    }
}
