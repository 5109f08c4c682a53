package ru.workready.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.rulesets.RuleSetRepository;
import ru.workready.data.rulesets.RuleSetRepository.Scope;
import ru.workready.data.rulesets.RuleSetRepository.ScopeKind;
import ru.workready.data.rulesets.RuleSetRepository.StoredVersion;
import ru.workready.data.students.StudentRepository;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * versions=asOf (the rule set and mapping active at the end of the day, from their history), knownAt (evidence
 * recorded later left out), explain and what-if as of a day. Dates relative to the tests' clock.
 */
class VersionsAsOfTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private final JsonMapper json = JsonMapper.builder().build();
    private final LocalDate today = TestClock.today();
    private ScoringFixture fixture;
    private String student;

    @BeforeEach
    void fixture() {
        fixture = ScoringFixture.create(app, 1);
        student = fixture.students().get(0);
    }

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder readiness() {
        return get("/api/students/" + student + "/readiness").param("standard", "06.001");
    }

    private static String level(JsonNode r, String code) {
        for (JsonNode f : r.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f.get("level").asString();
            }
        }
        throw new AssertionError("no " + code);
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(12, 0).atZone(TestClock.ZONE).toOffsetDateTime();
    }

    /** A copy of the default rule set stored under a name of its own, so that the answer names which one judged. */
    private StoredVersion copyOfDefault(String name) {
        RuleSetRepository ruleSets = app.getBean(RuleSetRepository.class);
        app.getBean(RuleBaseRegistry.class).scopes(); // the shipped versions are stored
        StoredVersion d = ruleSets.find("default", 1).orElseThrow();
        return ruleSets.insert(name, "versions=asOf test", "UPLOADED", d.kbase(), d.drl(), d.parameters(),
                d.testCases());
    }

    @Test
    void aRuleSetActivatedAfterTheDayIsNotUsedWithVersionsAsOf() throws Exception {
        String suffix = fixture.college().toLowerCase(java.util.Locale.ROOT);
        StoredVersion old = copyOfDefault("asof-old-" + suffix);
        StoredVersion current = copyOfDefault("asof-new-" + suffix);
        Scope college = new Scope(ScopeKind.COLLEGE, fixture.college());
        // history: the old version for the college a year ago, the mapping made then too; the new version today
        jdbc.sql("""
                        insert into rule_set_activation (scope_kind, scope_code, rule_set_version_id, activated_at)
                        values ('COLLEGE', ?, ?, ?)""").params(fixture.college(), old.id(), at(today.minusYears(1)))
                .update();
        StudentRepository.Student s = app.getBean(StudentRepository.class).find(student).orElseThrow();
        jdbc.sql("update mapping_set set created_at = ? where programme_id = ?")
                .params(at(today.minusYears(1)), s.programmeId()).update();
        app.getBean(RuleBaseRegistry.class).activate(college, current);
        // and a second mapping version today (the same rows)
        MappingRepository mappings = app.getBean(MappingRepository.class);
        MappingRepository.ActiveMapping v1 = mappings.active(s.programmeId(), "06.001").orElseThrow();
        mappings.insertVersion(s.programmeId(), v1.standardId(), "test", mappings.resolvedRows(v1.mappingSetId()));

        LocalDate monthAgo = today.minusMonths(1);
        JsonNode byToday = read(readiness().param("asOf", monthAgo.toString()));
        assertThat(byToday.get("versions").asString()).isEqualTo("today");
        assertThat(byToday.get("ruleSetVersion").asString()).isEqualTo(current.label());
        assertThat(byToday.get("mappingVersion").asInt()).isEqualTo(2);

        JsonNode byThen = read(readiness().param("asOf", monthAgo.toString()).param("versions", "asOf"));
        assertThat(byThen.get("versions").asString()).isEqualTo("asOf");
        assertThat(byThen.get("asOf").asString()).isEqualTo(monthAgo.toString());
        assertThat(byThen.get("ruleSetVersion").asString()).isEqualTo(old.label());
        assertThat(byThen.get("mappingVersion").asInt()).isEqualTo(1);
        assertThat(level(byThen, "A/01.3")).isEqualTo(level(byToday, "A/01.3")); // same rules, same facts

        // today with versions=asOf: the versions active at the end of today
        JsonNode now = read(readiness().param("asOf", today.toString()).param("versions", "asOf"));
        assertThat(now.get("ruleSetVersion").asString()).isEqualTo(current.label());
        assertThat(now.get("mappingVersion").asInt()).isEqualTo(2);

        // two years ago nothing was active for this college, its region or (in the tests' history) the default
        mvc.perform(readiness().param("asOf", today.minusYears(2).toString()).param("versions", "asOf"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/no-versions-as-of"));
        mvc.perform(readiness().param("versions", "asOf")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-versions"));
        mvc.perform(readiness().param("asOf", monthAgo.toString()).param("versions", "yesterday"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void knownAtLeavesOutEvidenceRecordedLater() throws Exception {
        // evidence is recorded by the application's clock, not the database's
        assertThat(jdbc.sql("select recorded_at from evidence where student_id = ?").param(student)
                .query(OffsetDateTime.class).list())
                .allSatisfy(t -> assertThat(t.atZoneSameInstant(TestClock.ZONE).toLocalDate()).isEqualTo(today));
        Thread.sleep(5);
        Instant between = clock.instant();
        Thread.sleep(5);
        // a retake of ПК 1.1 ten days ago, recorded after `between`
        app.getBean(AssessmentUploadService.class).upload(fixture.college(), "later.csv", null,
                ("student_id;outcome_code;kind;result;assessed_on\n"
                        + student + ";ПК 1.1;COURSE_GRADE;5;" + today.minusDays(10) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(level(read(readiness()), "A/01.3")).isEqualTo("READY");
        JsonNode then = read(readiness().param("knownAt", between.toString()));
        assertThat(Instant.parse(then.get("knownAt").asString())).isEqualTo(between);
        assertThat(then.get("asOf").asString()).isEqualTo(today.toString());
        assertThat(level(then, "A/01.3")).as("the retake was not known yet").isEqualTo("PARTIALLY_READY");
        // with asOf as well
        JsonNode both = read(readiness().param("asOf", today.minusDays(1).toString())
                .param("knownAt", between.atOffset(ZoneOffset.ofHours(3)).toString()));
        assertThat(level(both, "A/01.3")).isEqualTo("PARTIALLY_READY");
        // before anything was recorded: nothing to judge
        JsonNode before = read(readiness().param("knownAt", between.minusSeconds(86_400 * 3).toString()));
        assertThat(level(before, "A/01.3")).isEqualTo("INSUFFICIENT_EVIDENCE");
        assertThat(read(readiness()).has("knownAt")).isFalse();
        mvc.perform(readiness().param("knownAt", "yesterday")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-known-at"));
    }

    @Test
    void explainAndWhatIfWorkAsOfADay() throws Exception {
        LocalDate monthAgo = today.minusMonths(1);
        JsonNode explained = read(readiness().param("asOf", monthAgo.toString()).param("explain", "true"));
        JsonNode f = null;
        for (JsonNode n : explained.get("functions")) {
            if (n.get("code").asString().equals("A/01.3")) {
                f = n;
            }
        }
        assertThat(f.get("outcomes").isArray()).isTrue();
        assertThat(f.get("outcomes").size()).isPositive();

        String body = """
                {"results": [{"outcomeCode": "ПК 1.1", "kind": "COURSE_GRADE", "result": "5"}]}""";
        JsonNode whatIf = read(post("/api/students/" + student + "/readiness/what-if").param("standard", "06.001")
                .param("asOf", monthAgo.toString()).contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(whatIf.get("asOf").asString()).isEqualTo(monthAgo.toString());
        assertThat(whatIf.get("versions").asString()).isEqualTo("today");
        assertThat(whatIf.get("summaryBefore").toString()).isEqualTo(explained.get("summary").toString());
        JsonNode change = whatIf.get("changed").get(0);
        assertThat(change.get("code").asString()).isEqualTo("A/01.3");
        assertThat(change.get("levelAfter").asString()).isEqualTo("READY");

        String later = """
                {"results": [{"outcomeCode": "ПК 1.1", "kind": "COURSE_GRADE", "result": "5", "assessedOn": "%s"}]}"""
                .formatted(today);
        mvc.perform(post("/api/students/" + student + "/readiness/what-if").param("asOf", monthAgo.toString())
                        .contentType(MediaType.APPLICATION_JSON).content(later))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-what-if"));
    }
}
