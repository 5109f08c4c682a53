package ru.workready.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.api.scoring.ScoringFixture;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trends of readiness at graduation: the demo's four graduated intakes across the change of 06.001's edition (679н for
 * the intakes of 2019–2020, 424н after), the intake not graduated yet, and small groups in a region's trend.
 */
class TrendReportTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;
    @Autowired
    ApiKeyService keys;

    private final JsonMapper json = JsonMapper.builder().build();
    /** The demo's dates move with the clock by whole years (DemoCalendar): its graduation years do too. */
    private final int shift = java.time.Period.between(java.time.LocalDate.of(2026, 11, 25), TestClock.today())
            .getYears();

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode line(JsonNode report, String code) {
        for (JsonNode l : report.get("lines")) {
            if (l.get("code").asString().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no line " + code);
    }

    /** The demo college's own key: its numbers unsuppressed. */
    private String demoKey() {
        if (demoKey == null) {
            String org = "trend-demo-" + UUID.randomUUID().toString().substring(0, 8);
            keys.createOrganisation(org, "Демо-колледж", OrganisationKind.COLLEGE, "DEMO");
            demoKey = keys.createKey(org, Role.COLLEGE, "t", null, null, null).secret();
        }
        return demoKey;
    }

    private String demoKey;

    private MockHttpServletRequestBuilder demoTrends() {
        return get("/api/reports/trends").header(API_KEY_HEADER, demoKey()).param("college", "DEMO").param("fgos", "09.02.07")
                .param("standard", "06.001").param("from", String.valueOf(2023 + shift))
                .param("to", String.valueOf(2027 + shift));
    }

    @Test
    void linesFollowEachFunctionAcrossTheEditionChange() throws Exception {
        JsonNode r = read(demoTrends());
        assertThat(r.get("disclosure").get("applied").asBoolean()).isFalse();
        JsonNode years = r.get("years");
        assertThat(years).hasSize(5);
        assertThat(years.get(0).get("editions").get(0).get("orderNumber").asString()).isEqualTo("679н");
        assertThat(years.get(1).get("editions").get(0).get("orderNumber").asString()).isEqualTo("679н");
        assertThat(years.get(2).get("editions").get(0).get("orderNumber").asString()).isEqualTo("424н");
        assertThat(years.get(3).get("editions").get(0).get("orderNumber").asString()).isEqualTo("424н");
        assertThat(years.get(0).get("graduates").asInt()).isEqualTo(26);
        assertThat(years.get(3).get("graduationDates").get(0).asString()).isEqualTo((2026 + shift) + "-06-30");
        // the current intake graduates next summer (when the demo is not older than the clock by most of a year):
        // counted as not graduated, no numbers
        if (ru.workready.data.reports.TrendService.graduationDate(2027 + shift).isAfter(TestClock.today())) {
            assertThat(years.get(4).get("intakesNotGraduated").asInt()).isEqualTo(1);
            assertThat(years.get(4).get("graduates").asInt()).isZero();
        } else {
            assertThat(years.get(4).get("graduates").asInt()).isEqualTo(30);
        }

        // kept under its code: one line through all four graduated years
        JsonNode a01 = line(r, "A/01.3");
        for (int i = 0; i < 4; i++) {
            JsonNode p = a01.get("points").get(i);
            assertThat(p.get("inEdition").asBoolean()).isTrue();
            assertThat(p.get("ready").asInt() + p.get("partiallyReady").asInt() + p.get("notReady").asInt()
                    + p.get("notScored").asInt()).isEqualTo(years.get(i).get("graduates").asInt());
            assertThat(p.get("readyShare").isNull()).isFalse();
            assertThat(p.get("meanReadiness").isNull()).isFalse();
        }
        assertThat(a01.get("change").asString()).startsWith("renamed in 424н");
        // dropped by the 2022 edition: the line ends; added by it: the line starts
        JsonNode removed = line(r, "B/04.5");
        assertThat(removed.get("change").asString()).isEqualTo("removed in 424н (last in 679н)");
        assertThat(removed.get("points").get(1).get("inEdition").asBoolean()).isTrue();
        assertThat(removed.get("points").get(2).get("inEdition").asBoolean()).isFalse();
        assertThat(removed.get("points").get(2).get("ready").isNull()).isTrue();
        JsonNode added = line(r, "B/06.4");
        assertThat(added.get("change").asString()).isEqualTo("added in 424н");
        assertThat(added.get("points").get(1).get("inEdition").asBoolean()).isFalse();
        assertThat(added.get("points").get(2).get("inEdition").asBoolean()).isTrue();
        assertThat(added.get("points").get(2).get("ready").isNull()).isFalse();
        // the demo's later intakes are abler: the share READY of ПК 1.1's function grows over the years
        assertThat(a01.get("points").get(3).get("readyShare").asDouble())
                .isGreaterThan(a01.get("points").get(0).get("readyShare").asDouble());
        assertThat(r.get("ruleSetVersions")).isNotEmpty();
    }

    @Test
    void byIntakeYearAndAsSpreadsheets() throws Exception {
        JsonNode r = read(get("/api/reports/trends").header(API_KEY_HEADER, demoKey()).param("fgos", "09.02.07")
                .param("standard", "06.001").param("by", "intake").param("from", String.valueOf(2019 + shift))
                .param("to", String.valueOf(2020 + shift)));
        assertThat(r.get("yearsBy").asString()).isEqualTo("intake");
        assertThat(r.get("years").get(0).get("graduates").asInt()).isEqualTo(26);
        assertThat(r.get("years").get(1).get("graduates").asInt()).isEqualTo(24);
        String csv = mvc.perform(demoTrends().param("format", "csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("679н").contains("Доля READY").contains("B/04.5");
        mvc.perform(demoTrends().param("format", "xlsx")).andExpect(status().isOk());
    }

    @Test
    void badParametersAreProblems() throws Exception {
        mvc.perform(get("/api/reports/trends").param("fgos", "09.02.07").param("standard", "06.001")
                        .param("from", "2026").param("to", "2020"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].column").value("from"));
        mvc.perform(get("/api/reports/trends").param("fgos", "09.02.07").param("standard", "06.001")
                        .param("by", "semester"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].column").value("by"));
        mvc.perform(get("/api/reports/trends").param("fgos", "09.02.07").param("standard", "06.001")
                        .param("college", "DEMO").param("region", "DEMO"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].column").value("region"));
    }

    @Test
    void aRegionsTrendLeavesSmallGroupsOutButTheirCollegeSeesThem() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String region = "TREND-REGION-" + tag;
        int intake = TestClock.today().getYear() - 5;
        int graduation = intake + 4;
        ScoringFixture big = ScoringFixture.create(app, 6, intake, region);
        ScoringFixture small = ScoringFixture.create(app, 3, intake, region);
        keys.createOrganisation("trend-region-" + tag, "Регион", OrganisationKind.REGION, null);
        String designer = keys.createKey("trend-region-" + tag, Role.CURRICULUM_DESIGNER, "t", null, null, null)
                .secret();
        keys.createOrganisation("trend-small-" + tag, "Малый колледж", OrganisationKind.COLLEGE, small.college());
        String smallKey = keys.createKey("trend-small-" + tag, Role.COLLEGE, "t", null, null, null).secret();

        var regional = get("/api/reports/trends").param("region", region).param("fgos", "09.02.07")
                .param("standard", "06.001").param("from", String.valueOf(graduation))
                .param("to", String.valueOf(graduation));
        JsonNode r = read(regional.header(API_KEY_HEADER, designer));
        JsonNode year = r.get("years").get(0);
        assertThat(year.get("graduates").asInt()).isEqualTo(6);
        assertThat(year.get("groupsLeftOut").asInt()).isEqualTo(1);
        assertThat(year.get("suppressionReason").asString()).isEqualTo("SMALL_GROUP");
        assertThat(r.get("disclosure").get("applied").asBoolean()).isTrue();
        // the fixture's ПК 1.2 grade 5 (three years ago) makes A/02.3 READY at graduation for all six
        assertThat(line(r, "A/02.3").get("points").get(0).get("ready").asInt()).isEqualTo(6);

        JsonNode smallAlone = read(get("/api/reports/trends").param("college", small.college())
                .param("fgos", "09.02.07").param("standard", "06.001").param("from", String.valueOf(graduation))
                .param("to", String.valueOf(graduation)).header(API_KEY_HEADER, designer));
        assertThat(smallAlone.get("years").get(0).get("graduates").isNull()).isTrue();
        assertThat(line(smallAlone, "A/02.3").get("points").get(0).get("ready").isNull()).isTrue();

        JsonNode own = read(get("/api/reports/trends").param("fgos", "09.02.07").param("standard", "06.001")
                .param("from", String.valueOf(graduation)).param("to", String.valueOf(graduation))
                .header(API_KEY_HEADER, smallKey));
        assertThat(own.get("college").asString()).isEqualTo(small.college());
        assertThat(own.get("years").get(0).get("graduates").asInt()).isEqualTo(3);
        assertThat(own.get("disclosure").get("applied").asBoolean()).isFalse();
        assertThat(line(own, "A/02.3").get("points").get(0).get("ready").asInt()).isEqualTo(3);

        mvc.perform(get("/api/reports/trends").param("region", region).param("fgos", "09.02.07")
                .param("standard", "06.001").header(API_KEY_HEADER, smallKey)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/trends").param("college", big.college()).param("fgos", "09.02.07")
                .param("standard", "06.001").header(API_KEY_HEADER, smallKey)).andExpect(status().isNotFound());
    }
}
