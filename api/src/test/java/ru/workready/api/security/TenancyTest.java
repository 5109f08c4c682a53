package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.OrganisationRepository;
import ru.workready.data.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Colleges never see each other's students: asked by id, by filter (college code) or through an
 * upload, another tenant's data is answered exactly like data that does not exist.
 */
class TenancyTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeyService keyService;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    OrganisationRepository organisations;

    private final JsonMapper json = JsonMapper.builder().build();
    private SecurityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = SecurityFixtures.get(keyService, programmes);
    }

    @Test
    void aCollegeSeesItsOwnStudents() throws Exception {
        String demo = fixtures.keys.get(Role.COLLEGE);
        assertThat(call(get("/api/students/DEMO-001/readiness"), demo).getStatus()).isEqualTo(200);
        MockHttpServletResponse list = call(get("/api/colleges/DEMO/students"), demo);
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(json.readTree(list.getContentAsString(StandardCharsets.UTF_8)).size()).isEqualTo(132);
        assertThat(call(get("/api/colleges/" + SecurityFixtures.OTHER_COLLEGE + "/students"), fixtures.otherCollegeKey)
                .getContentAsString()).isEqualTo("[]");
    }

    @Test
    void anotherCollegesStudentByIdLooksUnknown() throws Exception {
        MockHttpServletResponse foreign = call(get("/api/students/DEMO-001/readiness"), fixtures.otherCollegeKey);
        MockHttpServletResponse unknown = call(get("/api/students/NO-SUCH-STUDENT/readiness"), fixtures.otherCollegeKey);
        assertSameAnswer(foreign, unknown, "DEMO-001", "NO-SUCH-STUDENT");
        // with explain and another standard too: the tenancy check comes before anything else
        assertThat(call(get("/api/students/DEMO-001/readiness").param("explain", "true").param("standard", "06.035"),
                fixtures.otherCollegeKey).getStatus()).isEqualTo(404);
    }

    @Test
    void anotherCollegesStudentsByFilterLookUnknown() throws Exception {
        MockHttpServletResponse foreign = call(get("/api/colleges/DEMO/students"), fixtures.otherCollegeKey);
        MockHttpServletResponse unknown = call(get("/api/colleges/NO-SUCH-COLLEGE/students"), fixtures.otherCollegeKey);
        assertSameAnswer(foreign, unknown, "DEMO", "NO-SUCH-COLLEGE");
        assertThat(foreign.getContentAsString()).doesNotContain("DEMO-0");
    }

    @Test
    void uploadingForAnotherCollegeLooksUnknownAndStoresNothing() throws Exception {
        long evidence = jdbc.sql("select count(*) from evidence").query(Long.class).single();
        long uploads = jdbc.sql("select count(*) from upload").query(Long.class).single();
        String csv = "student_id;outcome_code;kind;result;assessed_on\nDEMO-001;ПК 1.1;COURSE_GRADE;2;2026-11-20\n";
        MockHttpServletResponse foreign = call(post("/api/colleges/DEMO/assessments").contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)), fixtures.otherCollegeKey);
        MockHttpServletResponse unknown = call(post("/api/colleges/NO-SUCH-COLLEGE/assessments").contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)), fixtures.otherCollegeKey);
        assertSameAnswer(foreign, unknown, "DEMO", "NO-SUCH-COLLEGE");
        assertThat(jdbc.sql("select count(*) from evidence").query(Long.class).single()).isEqualTo(evidence);
        assertThat(jdbc.sql("select count(*) from upload").query(Long.class).single()).isEqualTo(uploads);
    }

    @Test
    void anotherCollegesUploadByIdLooksUnknown() throws Exception {
        long demoUpload = jdbc.sql("select u.id from upload u join college c on c.id = u.college_id "
                + "where c.code = 'DEMO' order by u.id limit 1").query(Long.class).single();
        assertThat(call(get("/api/colleges/DEMO/uploads/" + demoUpload), fixtures.keys.get(Role.COLLEGE)).getStatus())
                .isEqualTo(200);
        // through the other college's own path: the id is looked up within its college
        String own = "/api/colleges/" + SecurityFixtures.OTHER_COLLEGE + "/uploads/";
        assertSameAnswer(call(get(own + demoUpload), fixtures.otherCollegeKey),
                call(get(own + 999999999), fixtures.otherCollegeKey), Long.toString(demoUpload), "999999999");
        // through DEMO's path
        assertSameAnswer(call(get("/api/colleges/DEMO/uploads/" + demoUpload), fixtures.otherCollegeKey),
                call(get("/api/colleges/NO-SUCH-COLLEGE/uploads/" + demoUpload), fixtures.otherCollegeKey),
                "DEMO", "NO-SUCH-COLLEGE");
        assertSameAnswer(call(get("/api/colleges/DEMO/uploads"), fixtures.otherCollegeKey),
                call(get("/api/colleges/NO-SUCH-COLLEGE/uploads"), fixtures.otherCollegeKey), "DEMO", "NO-SUCH-COLLEGE");
        assertSameAnswer(call(post("/api/students/DEMO-001/readiness/what-if").contentType("application/json")
                        .content("{\"results\":[]}"), fixtures.otherCollegeKey),
                call(post("/api/students/NO-SUCH-STUDENT/readiness/what-if").contentType("application/json")
                        .content("{\"results\":[]}"), fixtures.otherCollegeKey), "DEMO-001", "NO-SUCH-STUDENT");
        assertSameAnswer(call(get("/api/students/DEMO-001/evidence"), fixtures.otherCollegeKey),
                call(get("/api/students/NO-SUCH-STUDENT/evidence"), fixtures.otherCollegeKey), "DEMO-001",
                "NO-SUCH-STUDENT");
        assertSameAnswer(call(post("/api/colleges/DEMO/students").contentType("text/csv")
                        .content("student_id;programme\nX-1;09.02.07\n".getBytes(StandardCharsets.UTF_8)),
                        fixtures.otherCollegeKey),
                call(post("/api/colleges/NO-SUCH-COLLEGE/students").contentType("text/csv")
                        .content("student_id;programme\nX-1;09.02.07\n".getBytes(StandardCharsets.UTF_8)),
                        fixtures.otherCollegeKey), "DEMO", "NO-SUCH-COLLEGE");
    }

    @Test
    void anUploadIdOrKeyOfAnotherCollegeIsNeverAnswered() throws Exception {
        // DEMO's results were uploaded with Idempotency-Key "demo": the same key from another college must
        // not answer DEMO's upload (id, row counts, affected students) as a "duplicate"
        long demoUpload = jdbc.sql("select u.id from upload u join college c on c.id = u.college_id "
                + "where c.code = 'DEMO' and u.idempotency_key = 'demo'").query(Long.class).single();
        MockHttpServletResponse r = call(post("/api/colleges/" + SecurityFixtures.OTHER_COLLEGE + "/assessments")
                .header("Idempotency-Key", "demo").contentType("text/csv")
                .content("student_id;outcome_code;kind;result;assessed_on\nDEMO-001;ПК 1.1;COURSE_GRADE;5;2026-11-20\n"
                        .getBytes(StandardCharsets.UTF_8)), fixtures.otherCollegeKey);
        assertThat(r.getStatus()).isEqualTo(400);
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("\"uploadId\"").doesNotContain("\"uploadId\":" + demoUpload)
                .contains("unknown student of college " + SecurityFixtures.OTHER_COLLEGE);
    }

    @Test
    void anotherCollegesCohortReportAndProgrammesLookUnknown() throws Exception {
        long demoProgramme = jdbc.sql("select p.id from programme p join college c on c.id = p.college_id "
                + "where c.code = 'DEMO' order by p.id limit 1").query(Long.class).single();
        assertThat(call(get("/api/reports/cohort?programme=" + demoProgramme), fixtures.keys.get(Role.COLLEGE))
                .getStatus()).isEqualTo(200);
        assertSameAnswer(call(get("/api/reports/cohort?programme=" + demoProgramme), fixtures.otherCollegeKey),
                call(get("/api/reports/cohort?programme=999999999"), fixtures.otherCollegeKey),
                Long.toString(demoProgramme), "999999999");
        assertSameAnswer(call(get("/api/reports/cohort?college=DEMO&fgos=09.02.07&year=2023"), fixtures.otherCollegeKey),
                call(get("/api/reports/cohort?college=NO-SUCH-COLLEGE&fgos=09.02.07&year=2023"), fixtures.otherCollegeKey),
                "DEMO", "NO-SUCH-COLLEGE");
        // a college may not import programmes into another college
        MockHttpServletResponse foreign = call(post("/api/colleges/DEMO/programmes").contentType("application/json")
                .content("{}"), fixtures.otherCollegeKey);
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(foreign.getContentAsString()).contains("No college with code DEMO");
    }

    @Test
    void anEmployerSeesOnlyItsOwnProfilesAndCandidates() throws Exception {
        // an EMPLOYER organisation acts for the employer with its code: the demo employer DEMO-SOFT
        if (organisations.find("DEMO-SOFT").isEmpty()) {
            keyService.createOrganisation("DEMO-SOFT", "ООО «Демо-Софт»", OrganisationKind.EMPLOYER, null);
        }
        String demoSoft = keyService.createKey("DEMO-SOFT", Role.EMPLOYER, "tenancy test", null, null, null).secret();
        String candidates = "/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/candidates";
        MockHttpServletResponse own = call(get(candidates), demoSoft);
        assertThat(own.getStatus()).isEqualTo(200);
        String other = fixtures.keys.get(Role.EMPLOYER);
        assertSameAnswer(call(get(candidates), other),
                call(get("/api/employers/NO-SUCH-EMPLOYER/profiles/JUNIOR-DEV/candidates"), other),
                "DEMO-SOFT", "NO-SUCH-EMPLOYER");
        assertSameAnswer(call(get("/api/employers/DEMO-SOFT/profiles"), other),
                call(get("/api/employers/NO-SUCH-EMPLOYER/profiles"), other), "DEMO-SOFT", "NO-SUCH-EMPLOYER");
        // every disclosed candidate is in the audit log
        JsonNode list = json.readTree(own.getContentAsString(StandardCharsets.UTF_8)).get("candidates");
        if (!list.isEmpty()) {
            String first = list.get(0).get("studentId").asString();
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'list-candidates' and subject_id = ? "
                    + "and organisation_code = 'DEMO-SOFT'").param(first).query(Long.class).single()).isPositive();
        }
    }

    @Test
    void consentIsRecordedOnlyByTheStudentsCollege() throws Exception {
        assertThat(call(get("/api/students/DEMO-002/consent"), fixtures.keys.get(Role.COLLEGE)).getStatus())
                .isEqualTo(200);
        assertSameAnswer(call(get("/api/students/DEMO-002/consent"), fixtures.otherCollegeKey),
                call(get("/api/students/NO-SUCH-STUDENT/consent"), fixtures.otherCollegeKey), "DEMO-002",
                "NO-SUCH-STUDENT");
        assertSameAnswer(call(put("/api/students/DEMO-002/consent").contentType("application/json")
                        .content("{\"consent\":false}"), fixtures.otherCollegeKey),
                call(put("/api/students/NO-SUCH-STUDENT/consent").contentType("application/json")
                        .content("{\"consent\":false}"), fixtures.otherCollegeKey), "DEMO-002", "NO-SUCH-STUDENT");
        assertThat(jdbc.sql("select employer_consent from student where id = 'DEMO-002'").query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void employersSeeConsentedCandidatesOnlyAndDesignersNoStudents() throws Exception {
        String employer = fixtures.keys.get(Role.EMPLOYER);
        // DEMO-001 consented, DEMO-003 did not (demo data: every third student)
        assertThat(call(get("/api/students/DEMO-001/readiness"), employer).getStatus()).isEqualTo(200);
        assertSameAnswer(call(get("/api/students/DEMO-003/readiness"), employer),
                call(get("/api/students/NO-SUCH-STUDENT/readiness"), employer), "DEMO-003", "NO-SUCH-STUDENT");
        assertThat(call(get("/api/colleges/DEMO/students"), employer).getStatus()).isEqualTo(403);
        String designer = fixtures.keys.get(Role.CURRICULUM_DESIGNER);
        assertThat(call(get("/api/students/DEMO-001/readiness"), designer).getStatus()).isEqualTo(403);
        assertThat(call(get("/api/colleges/DEMO/students"), designer).getStatus()).isEqualTo(403);
    }

    /** Status, type, title and detail equal, once the two ids are swapped: nothing tells them apart. */
    private void assertSameAnswer(MockHttpServletResponse foreign, MockHttpServletResponse unknown, String foreignId,
                                  String unknownId) throws Exception {
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(unknown.getStatus()).isEqualTo(404);
        JsonNode f = json.readTree(foreign.getContentAsString(StandardCharsets.UTF_8));
        JsonNode u = json.readTree(unknown.getContentAsString(StandardCharsets.UTF_8));
        assertThat(f.get("type").asString()).isEqualTo(u.get("type").asString());
        assertThat(f.get("title").asString()).isEqualTo(u.get("title").asString());
        assertThat(f.get("detail").asString()).isEqualTo(u.get("detail").asString().replace(unknownId, foreignId));
        assertThat(f.properties().stream().map(java.util.Map.Entry::getKey).sorted().toList())
                .isEqualTo(u.properties().stream().map(java.util.Map.Entry::getKey).sorted().toList());
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String key) throws Exception {
        return mvc.perform(request.header(ApiTest.API_KEY_HEADER, key)).andReturn().getResponse();
    }
}
