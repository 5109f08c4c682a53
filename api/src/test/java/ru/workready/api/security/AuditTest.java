package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of personal data are logged (who, which key, what, when, outcome); the log is append-only. */
class AuditTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeyService keyService;
    @Autowired
    ProgrammeRepository programmes;

    private final JsonMapper json = JsonMapper.builder().build();
    private SecurityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = SecurityFixtures.get(keyService, programmes);
    }

    @Test
    void readsAndCrossTenantAttemptsAreLoggedAndQueryableByAdmin() throws Exception {
        mvc.perform(get("/api/students/DEMO-007/readiness?explain=true")
                .header(API_KEY_HEADER, fixtures.keys.get(Role.COLLEGE))).andExpect(status().isOk());
        mvc.perform(get("/api/students/DEMO-007/readiness").header(API_KEY_HEADER, fixtures.otherCollegeKey))
                .andExpect(status().isNotFound());

        JsonNode events = json.readTree(mvc.perform(get("/api/audit").param("subjectKind", "student")
                        .param("subject", "DEMO-007"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(events.size()).isGreaterThanOrEqualTo(2);
        JsonNode attempt = events.get(0);
        assertThat(attempt.get("organisation").asString()).isEqualTo(fixtures.otherCollegeOrganisation);
        assertThat(attempt.get("status").asInt()).isEqualTo(404);
        JsonNode read = events.get(1);
        assertThat(read.get("organisation").asString()).isEqualTo(fixtures.demoCollegeOrganisation);
        assertThat(read.get("role").asString()).isEqualTo("COLLEGE");
        assertThat(read.get("action").asString()).isEqualTo("read-readiness");
        assertThat(read.get("status").asInt()).isEqualTo(200);
        assertThat(read.get("path").asString()).isEqualTo("/api/students/DEMO-007/readiness?explain=true");
        assertThat(read.get("keyId").asLong()).isPositive();
        assertThat(read.get("at").asString()).isNotBlank();

        mvc.perform(get("/api/audit").param("organisation", fixtures.demoCollegeOrganisation).param("limit", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/audit").param("limit", "100000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("limit"));
        mvc.perform(get("/api/audit").param("from", "yesterday"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit").header(API_KEY_HEADER, fixtures.keys.get(Role.COLLEGE)))
                .andExpect(status().isForbidden());
    }

    @Test
    void studentListsAndUploadsAreLoggedToo() throws Exception {
        mvc.perform(get("/api/colleges/DEMO/students").header(API_KEY_HEADER, fixtures.keys.get(Role.COLLEGE)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/audit").param("subjectKind", "college").param("subject", "DEMO")
                        .param("organisation", fixtures.demoCollegeOrganisation))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("list-students"));
    }

    @Test
    void theAuditLogIsAppendOnly() {
        jdbc.sql("insert into audit_event (organisation_code, role, action, subject_kind, subject_id, http_method, "
                + "path, status) values ('x', 'ADMIN', 'test', 'student', 'X', 'GET', '/', 200)").update();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set subject_id = 'Y'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).hasMessageContaining("append-only");
    }
}
