package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.workready.api.ApiTest;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.Role;

/**
 * Every endpoint × every role: without a key 401, with a wrong key 401, with a role the endpoint
 * does not admit 403, with one it admits anything but 401/403. The matrix must list every {@code /api}
 * endpoint of the application: a new endpoint fails {@link #everyEndpointIsInTheMatrix()} until its
 * roles are declared here (and with {@link Allowed} on the method).
 */
class SecurityMatrixTest extends ApiTest {
    private static final Set<Role> ANY = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> DESIGNER = EnumSet.of(Role.CURRICULUM_DESIGNER, Role.ADMIN);
    private static final Set<Role> RULE_AUTHOR = EnumSet.of(Role.RULE_AUTHOR, Role.ADMIN);
    private static final Set<Role> EMPLOYER_OR_DESIGNER = EnumSet.of(Role.EMPLOYER, Role.CURRICULUM_DESIGNER,
            Role.ADMIN);
    /** Employer expertise: the college, the experts (EMPLOYER keys, REGION designers) and the submitting designer. */
    private static final Set<Role> EXPERTISE = EnumSet.of(Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER,
            Role.ADMIN);

    /** One endpoint: its mapping, a concrete request and the roles it admits (ADMIN always). */
    record Endpoint(String method, String pattern, String path, @Nullable String contentType, @Nullable String body,
                    Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static Stream<Endpoint> matrix() {
        return Stream.of(
                new Endpoint("GET", "/api/standards", "/api/standards", null, null, ANY),
                new Endpoint("GET", "/api/standards/{id}", "/api/standards/1", null, null, ANY),
                new Endpoint("GET", "/api/standards/{id}/functions", "/api/standards/1/functions", null, null, ANY),
                new Endpoint("GET", "/api/standards/{id}/functions/{generalized}/{number}",
                        "/api/standards/1/functions/A/01", null, null, ANY),
                new Endpoint("GET", "/api/functions", "/api/functions?q=программ", null, null, ANY),
                new Endpoint("GET", "/api/function-elements", "/api/function-elements?q=программ", null, null, ANY),
                new Endpoint("POST", "/api/standards", "/api/standards", "application/xml", "<Programme/>", ADMIN),
                new Endpoint("POST", "/api/standards", "/api/standards", "multipart/form-data; boundary=x", "--x--\r\n",
                        ADMIN),
                new Endpoint("POST", "/api/colleges/{college}/programmes", "/api/colleges/DEMO/programmes",
                        "application/json", "{}", EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/colleges/{college}/programmes", "/api/colleges/DEMO/programmes", "text/csv",
                        "kind\n", EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/colleges/{college}/programmes", "/api/colleges/DEMO/programmes",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "not a workbook",
                        EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/programmes", "/api/programmes", null, null, ANY),
                new Endpoint("GET", "/api/programmes/schema", "/api/programmes/schema", null, null, ANY),
                new Endpoint("GET", "/api/programmes/{id}", "/api/programmes/1", null, null, ANY),
                new Endpoint("GET", "/api/programmes/{id}/csv", "/api/programmes/1/csv", null, null, ANY),
                new Endpoint("POST", "/api/programmes/{programme}/mapping-sets",
                        "/api/programmes/999999999/mapping-sets?standard=999999999&author=matrix", "text/csv", "x\n",
                        EnumSet.of(Role.CURRICULUM_DESIGNER, Role.ADMIN)),
                new Endpoint("GET", "/api/programmes/{programme}/mapping-sets", "/api/programmes/1/mapping-sets", null,
                        null, ANY),
                new Endpoint("GET", "/api/mapping-sets/{id}", "/api/mapping-sets/1", null, null, ANY),
                new Endpoint("GET", "/api/mapping-sets/{id}/mappings", "/api/mapping-sets/1/mappings", null, null, ANY),
                new Endpoint("GET", "/api/mapping-sets/{id}/csv", "/api/mapping-sets/1/csv", null, null, ANY),
                new Endpoint("GET", "/api/reports/programmes", "/api/reports/programmes", null, null,
                        EnumSet.of(Role.CURRICULUM_DESIGNER, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/reports/coverage", "/api/reports/coverage?programme=999999999", null, null,
                        DESIGNER),
                new Endpoint("GET", "/api/reports/uncovered", "/api/reports/uncovered?programme=999999999", null, null,
                        DESIGNER),
                new Endpoint("GET", "/api/reports/orphans", "/api/reports/orphans?programme=999999999", null, null,
                        DESIGNER),
                new Endpoint("GET", "/api/reports/above-level", "/api/reports/above-level?programme=999999999", null,
                        null, DESIGNER),
                new Endpoint("GET", "/api/reports/cohort", "/api/reports/cohort?programme=999999999", null, null,
                        EnumSet.of(Role.CURRICULUM_DESIGNER, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/reports/trends", "/api/reports/trends?fgos=00.00.00&standard=06.001", null,
                        null, EnumSet.of(Role.CURRICULUM_DESIGNER, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/reports/supply-demand", "/api/reports/supply-demand?programme=999999999", null,
                        null, DESIGNER),
                new Endpoint("GET", "/api/programmes/{id}/outcomes", "/api/programmes/1/outcomes", null, null, ANY),
                new Endpoint("PUT", "/api/students/{id}/consent", "/api/students/DEMO-001/consent", "application/json",
                        "{}", EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/students/{id}/consent", "/api/students/DEMO-001/consent", null, null,
                        EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/demand", "/api/demand", "text/csv", "x\n", EnumSet.of(Role.EMPLOYER, Role.ADMIN)),
                new Endpoint("POST", "/api/demand", "/api/demand", "application/json", "{}",
                        EnumSet.of(Role.EMPLOYER, Role.ADMIN)),
                new Endpoint("GET", "/api/demand", "/api/demand", null, null, EMPLOYER_OR_DESIGNER),
                new Endpoint("GET", "/api/demand/supply", "/api/demand/supply?region=Nowhere&year=2026", null, null,
                        EMPLOYER_OR_DESIGNER),
                new Endpoint("POST", "/api/forecasts", "/api/forecasts", "text/csv", "x\n", DESIGNER),
                new Endpoint("GET", "/api/forecasts", "/api/forecasts?region=Nowhere&from=2027&to=2028", null, null,
                        DESIGNER),
                new Endpoint("POST", "/api/top-region", "/api/top-region", "text/csv", "x\n", DESIGNER),
                new Endpoint("GET", "/api/regions/{region}/top-region", "/api/regions/Nowhere/top-region?year=2027",
                        null, null, EnumSet.of(Role.CURRICULUM_DESIGNER, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/intake-capacities", "/api/intake-capacities", "text/csv", "x\n", DESIGNER),
                new Endpoint("GET", "/api/intake-capacities", "/api/intake-capacities?region=Nowhere", null, null,
                        EnumSet.of(Role.CURRICULUM_DESIGNER, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/regions/{region}/training-order", "/api/regions/Nowhere/training-order",
                        null, null, EnumSet.of(Role.CURRICULUM_DESIGNER, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/employers", "/api/employers", "application/json", "{}", ADMIN),
                new Endpoint("GET", "/api/employers", "/api/employers", null, null, EMPLOYER_OR_DESIGNER),
                new Endpoint("GET", "/api/employers/{employer}", "/api/employers/no-such-employer", null, null,
                        EMPLOYER_OR_DESIGNER),
                new Endpoint("POST", "/api/employers/{employer}/profiles", "/api/employers/no-such-employer/profiles",
                        "application/json", "{}", EnumSet.of(Role.EMPLOYER, Role.ADMIN)),
                new Endpoint("GET", "/api/employers/{employer}/profiles", "/api/employers/no-such-employer/profiles",
                        null, null, EnumSet.of(Role.EMPLOYER, Role.ADMIN)),
                new Endpoint("GET", "/api/employers/{employer}/profiles/{profile}",
                        "/api/employers/no-such-employer/profiles/p", null, null, EnumSet.of(Role.EMPLOYER, Role.ADMIN)),
                new Endpoint("PUT", "/api/employers/{employer}/profiles/{profile}",
                        "/api/employers/no-such-employer/profiles/p", "application/json", "{}",
                        EnumSet.of(Role.EMPLOYER, Role.ADMIN)),
                new Endpoint("GET", "/api/employers/{employer}/profiles/{profile}/readiness",
                        "/api/employers/no-such-employer/profiles/p/readiness", null, null, EMPLOYER_OR_DESIGNER),
                new Endpoint("GET", "/api/employers/{employer}/profiles/{profile}/candidates",
                        "/api/employers/no-such-employer/profiles/p/candidates", null, null,
                        EnumSet.of(Role.EMPLOYER, Role.ADMIN)),
                new Endpoint("GET", "/api/functions/readiness", "/api/functions/readiness?standard=06.001&function=A/01.3",
                        null, null, EMPLOYER_OR_DESIGNER),
                new Endpoint("GET", "/api/rule-sets", "/api/rule-sets", null, null, ANY),
                new Endpoint("GET", "/api/rule-sets/active", "/api/rule-sets/active", null, null, ANY),
                new Endpoint("GET", "/api/rule-sets/{name}/versions/{version}", "/api/rule-sets/default/versions/1", null,
                        null, ANY),
                new Endpoint("POST", "/api/rule-sets", "/api/rule-sets", "application/json", "{}", RULE_AUTHOR),
                new Endpoint("POST", "/api/rule-sets", "/api/rule-sets", "multipart/form-data; boundary=x", "--x--\r\n",
                        RULE_AUTHOR),
                new Endpoint("GET", "/api/rule-sets/{name}/versions/{version}/tables/{file}",
                        "/api/rule-sets/default/versions/1/tables/none.csv", null, null, ANY),
                new Endpoint("GET", "/api/rule-sets/{name}/versions/{version}/tables/{file}/drl",
                        "/api/rule-sets/default/versions/1/tables/none.csv/drl", null, null, ANY),
                // scopes and names that do not exist: the matrix must not change the active rule sets
                new Endpoint("POST", "/api/rule-sets/{name}/versions/{version}/activate",
                        "/api/rule-sets/no-such-rule-set/versions/1/activate?scope=COLLEGE&code=NO-SUCH-COLLEGE", null,
                        null, RULE_AUTHOR),
                new Endpoint("POST", "/api/rule-sets/rollback", "/api/rule-sets/rollback?scope=COLLEGE&code=NO-SUCH-COLLEGE",
                        null, null, RULE_AUTHOR),
                new Endpoint("DELETE", "/api/rule-sets/active", "/api/rule-sets/active", null, null, RULE_AUTHOR),
                new Endpoint("GET", "/api/rule-sets/{name}/versions/{version}/preview",
                        "/api/rule-sets/no-such-rule-set/versions/1/preview", null, null, RULE_AUTHOR),
                new Endpoint("POST", "/api/students/{id}/readiness/what-if", "/api/students/DEMO-001/readiness/what-if",
                        "application/json", "{\"results\":[]}", EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/rescoring-jobs", "/api/rescoring-jobs", "application/json", "{}", ADMIN),
                new Endpoint("GET", "/api/rescoring-jobs/{id}", "/api/rescoring-jobs/999999999", null, null, ADMIN),
                new Endpoint("DELETE", "/api/rescoring-jobs/{id}", "/api/rescoring-jobs/999999999", null, null, ADMIN),
                new Endpoint("GET", "/api/reports/mapping-comparison",
                        "/api/reports/mapping-comparison?programme=999999999&standard=06.001&from=1&to=2", null, null,
                        DESIGNER),
                new Endpoint("GET", "/api/colleges/{college}/students", "/api/colleges/DEMO/students", null, null,
                        EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/colleges/{college}/assessments", "/api/colleges/DEMO/assessments",
                        "text/csv", "student_id\n", EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/colleges/{college}/employment", "/api/colleges/DEMO/employment",
                        "text/csv", "student_id\n", EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/reports/employment", "/api/reports/employment?college=NOBODY-MATRIX", null,
                        null, EnumSet.of(Role.CURRICULUM_DESIGNER, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/reports/validity", "/api/reports/validity?standard=06.001&college=NOBODY-MATRIX",
                        null, null, EnumSet.of(Role.CURRICULUM_DESIGNER, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/reports/validity/comparison",
                        "/api/reports/validity/comparison?standard=06.001&candidate=nothing&version=999&college=NOBODY-MATRIX",
                        null, null, EnumSet.of(Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR, Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/colleges/{college}/uploads", "/api/colleges/DEMO/uploads", null, null,
                        EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/colleges/{college}/uploads/{id}", "/api/colleges/DEMO/uploads/1", null, null,
                        EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("POST", "/api/colleges/{college}/students", "/api/colleges/DEMO/students", "text/csv",
                        "student_id;programme\nNOBODY-MATRIX;99.99.99\n", EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/students/{id}/evidence", "/api/students/DEMO-001/evidence", null, null,
                        EnumSet.of(Role.COLLEGE, Role.ADMIN)),
                new Endpoint("GET", "/api/students/{id}/readiness", "/api/students/DEMO-001/readiness", null, null,
                        EnumSet.of(Role.COLLEGE, Role.EMPLOYER, Role.ADMIN)),
                new Endpoint("POST", "/api/mapping-sets/{id}/expertises", "/api/mapping-sets/999999999/expertises",
                        "application/json", "{}", EnumSet.of(Role.COLLEGE, Role.CURRICULUM_DESIGNER, Role.ADMIN)),
                new Endpoint("GET", "/api/expertises", "/api/expertises", null, null, EXPERTISE),
                new Endpoint("GET", "/api/expertises/{id}", "/api/expertises/999999999", null, null, EXPERTISE),
                new Endpoint("GET", "/api/expertises/{id}/rows", "/api/expertises/999999999/rows", null, null,
                        EXPERTISE),
                new Endpoint("PUT", "/api/expertises/{id}/rows/{mapping}/decision",
                        "/api/expertises/999999999/rows/1/decision", "application/json", "{}", EMPLOYER_OR_DESIGNER),
                new Endpoint("POST", "/api/expertises/{id}/proposals", "/api/expertises/999999999/proposals",
                        "application/json", "{}", EMPLOYER_OR_DESIGNER),
                new Endpoint("DELETE", "/api/expertises/{id}/proposals/{proposal}",
                        "/api/expertises/999999999/proposals/1", null, null, EMPLOYER_OR_DESIGNER),
                new Endpoint("POST", "/api/expertises/{id}/submit", "/api/expertises/999999999/submit", null, null,
                        EMPLOYER_OR_DESIGNER),
                new Endpoint("GET", "/api/expertises/{id}/conclusion", "/api/expertises/999999999/conclusion", null,
                        null, EXPERTISE),
                new Endpoint("POST", "/api/expertises/{id}/answer", "/api/expertises/999999999/answer",
                        "application/json", "{}", EnumSet.of(Role.COLLEGE, Role.CURRICULUM_DESIGNER, Role.ADMIN)),
                new Endpoint("GET", "/api/me", "/api/me", null, null, ANY),
                new Endpoint("GET", "/api/regions", "/api/regions", null, null, ANY),
                // without confirm=DEMO: the matrix must not remove the demo the other tests read
                new Endpoint("DELETE", "/api/demo", "/api/demo", null, null, ADMIN),
                new Endpoint("GET", "/api/colleges", "/api/colleges", null, null, ANY),
                new Endpoint("GET", "/api/colleges/{code}", "/api/colleges/DEMO", null, null, ANY),
                new Endpoint("POST", "/api/colleges", "/api/colleges", "application/json", "{}", ADMIN),
                new Endpoint("PATCH", "/api/colleges/{code}", "/api/colleges/NO-SUCH-COLLEGE", "application/json", "{}",
                        ADMIN),
                new Endpoint("DELETE", "/api/colleges/{code}", "/api/colleges/NO-SUCH-COLLEGE", null, null, ADMIN),
                new Endpoint("POST", "/api/organisations", "/api/organisations", "application/json", "{}", ADMIN),
                new Endpoint("GET", "/api/organisations", "/api/organisations", null, null, ADMIN),
                new Endpoint("POST", "/api/organisations/{code}/keys", "/api/organisations/no-such-org/keys",
                        "application/json", "{}", ADMIN),
                new Endpoint("GET", "/api/keys", "/api/keys", null, null, ADMIN),
                new Endpoint("DELETE", "/api/keys/{id}", "/api/keys/0", null, null, ADMIN),
                new Endpoint("GET", "/api/audit", "/api/audit", null, null, ADMIN),
                new Endpoint("GET", "/api/test-probes/unannotated", "/api/test-probes/unannotated", null, null, ADMIN));
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ApiKeyService keyService;
    @Autowired
    ProgrammeRepository programmes;

    private MockMvc mvc;
    private SecurityFixtures fixtures;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixtures = SecurityFixtures.get(keyService, programmes);
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.equals("/api")) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> declared = matrix().map(Endpoint::toString).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).as("the security matrix must list every /api endpoint with its roles")
                .containsExactlyElementsOf(mapped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyRoleGetsWhatTheMatrixSays(Endpoint e) throws Exception {
        MockHttpServletResponse anonymous = call(e, null);
        assertThat(anonymous.getStatus()).as("%s without a key", e).isEqualTo(401);
        assertThat(anonymous.getContentAsString()).contains("https://workready.ru/problems/unauthenticated");
        assertThat(anonymous.getHeader("WWW-Authenticate")).contains("X-API-Key");
        assertThat(call(e, "wr_not-a-key-of-anybody").getStatus()).as("%s with an unknown key", e).isEqualTo(401);
        for (Role role : Role.values()) {
            MockHttpServletResponse r = call(e, fixtures.keys.get(role));
            if (e.allowed().contains(role)) {
                assertThat(r.getStatus()).as("%s as %s: %s", e, role, r.getContentAsString()).isNotIn(401, 403)
                        .isLessThan(500);
                assertThat(r.getHeader("Cache-Control")).as("%s as %s", e, role).isEqualTo("no-store");
            } else {
                assertThat(r.getStatus()).as("%s as %s", e, role).isEqualTo(403);
                assertThat(r.getContentAsString()).contains("https://workready.ru/problems/forbidden");
            }
        }
    }

    @Test
    void onlyTheDocumentationAndHealthArePublic() throws Exception {
        MockHttpServletResponse docs = mvc.perform(request(HttpMethod.GET, "/v3/api-docs")).andReturn().getResponse();
        assertThat(docs.getStatus()).isEqualTo(200);
        assertThat(docs.getContentAsString()).contains("\"apiKey\"").contains("X-API-Key")
                .as("the caller is not a request parameter").doesNotContain("keyPrefix");
        assertThat(call(new Endpoint("GET", "/api/nothing", "/api/nothing-here", null, null, ADMIN), null).getStatus())
                .as("unknown /api paths need a key too").isEqualTo(401);
    }

    private MockHttpServletResponse call(Endpoint e, @Nullable String key) throws Exception {
        MockHttpServletRequestBuilder r = request(HttpMethod.valueOf(e.method()), e.path());
        if (key != null) {
            r.header(ApiTest.API_KEY_HEADER, key);
        }
        if (e.body() != null) {
            r.contentType(e.contentType()).content(e.body().getBytes(StandardCharsets.UTF_8));
        }
        return mvc.perform(r).andReturn().getResponse();
    }
}
