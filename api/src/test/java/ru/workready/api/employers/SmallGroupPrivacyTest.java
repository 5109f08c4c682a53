package ru.workready.api.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 §3: no published number about fewer than 5 students, for anybody but the students' own
 * college — in the designer reports and their exports, under differencing of two filters, before and
 * after a consent change, and in what a roster upload tells a college about another's ids.
 *
 * <p>Region of its own: college A (programme 09.02.07 of 2023, 7 students: A/01.3 READY 5, NOT_READY 2),
 * college B (3 students), college C (6 students of intake 2023 plus 2 of a shorter intake of 2024 that
 * graduate the same year, 2027).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallGroupPrivacyTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;
    @Autowired
    StandardRepository standards;
    @Autowired
    MappingImportService mappingImport;
    @Autowired
    ApiKeyService keys;

    private final JsonMapper json = JsonMapper.builder().build();
    EmployerFixtures fx;
    String a;
    String b;
    String c;
    long programmeA;
    long programmeB;
    long programmeC;
    String keyA;
    String keyB;
    String d;
    String keyD;
    String designer;
    String employerKey;
    String employer;
    String otherEmployer;

    @BeforeAll
    void fixtures() throws Exception {
        fx = new EmployerFixtures(jdbc, programmes, students);
        long collegeA = fx.college("PA");
        long collegeB = fx.college("PB");
        long collegeC = fx.college("PC");
        a = fx.collegeCode("PA");
        b = fx.collegeCode("PB");
        c = fx.collegeCode("PC");
        programmeA = mappedProgramme(collegeA, 2023);
        programmeB = mappedProgramme(collegeB, 2023);
        programmeC = mappedProgramme(collegeC, 2023);
        long shortC = mappedProgramme(collegeC, 2024);
        jdbc.sql("update programme set study_months = 34 where id = ?").param(shortC).update();
        List<String> studentsA = fx.students(collegeA, a, programmeA, "PA", EmployerFixtures.consenting(7));
        fx.scoreAll(studentsA.subList(0, 5), "A/01.3", "READY", 0.9);
        fx.scoreAll(studentsA.subList(5, 7), "A/01.3", "NOT_READY", 0.2);
        fx.scoreAll(fx.students(collegeB, b, programmeB, "PB", EmployerFixtures.consenting(3)), "A/01.3", "READY", 0.9);
        fx.scoreAll(fx.students(collegeC, c, programmeC, "PC", EmployerFixtures.consenting(6)), "A/01.3", "READY", 0.9);
        fx.scoreAll(fx.students(collegeC, c, shortC, "PCS", EmployerFixtures.consenting(2)), "A/01.3", "READY", 0.9);

        d = fx.collegeCode("PD");
        fx.programme(fx.college("PD"), "09.02.07", 2020);  // graduates 2024: apart from the 2027 cohorts
        keyD = key("priv-d-" + fx.tag, OrganisationKind.COLLEGE, d, Role.COLLEGE);
        keyA = key("priv-a-" + fx.tag, OrganisationKind.COLLEGE, a, Role.COLLEGE);
        keyB = key("priv-b-" + fx.tag, OrganisationKind.COLLEGE, b, Role.COLLEGE);
        designer = key("priv-region-" + fx.tag, OrganisationKind.REGION, null, Role.CURRICULUM_DESIGNER);

        employer = "PRIV-EMP-" + fx.tag;
        otherEmployer = "PRIV-OTHER-" + fx.tag;
        for (String e : List.of(employer, otherEmployer)) {
            mvc.perform(post("/api/employers").contentType("application/json").content(
                    "{\"code\":\"%s\",\"name\":\"Работодатель\",\"region\":\"%s\"}".formatted(e, fx.region)))
                    .andExpect(status().isCreated());
            mvc.perform(post("/api/employers/" + e + "/profiles").contentType("application/json").content("""
                            {"code":"DEV","name":"Разработчик","functions":[
                              {"standard":"06.001","function":"A/01.3","importance":3}]}"""))
                    .andExpect(status().isCreated());
        }
        employerKey = key(employer, OrganisationKind.EMPLOYER, null, Role.EMPLOYER);
        mvc.perform(post("/api/demand").contentType("application/json").content("""
                        [{"region":"%1$s","year":2027,"needed":3,"standard":"06.001","function":"A/01.3","source":"ТОП"},
                         {"region":"%1$s","year":2027,"needed":2,"employer":"%2$s","profile":"DEV"},
                         {"region":"%1$s","year":2027,"needed":4,"employer":"%3$s","profile":"DEV"}]"""
                        .formatted(fx.region, employer, otherEmployer)))
                .andExpect(status().isCreated());
    }

    private long mappedProgramme(long collegeId, int intake) {
        long id = programmes.insert(collegeId, new Programme("09.02.07", "Программа приватности", "Программист", 4,
                intake, List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Формировать алгоритмы", "ВД 1"))));
        mappingImport.importCsv(id, standards.currentEdition("06.001").orElseThrow(), "v1", """
                outcome_code,function_code,type,weight
                ПК 1.1,A/01.3,EXACT,1.0
                """.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private String key(String organisation, OrganisationKind kind, @Nullable String college, Role role) {
        keys.createOrganisation(organisation, "Организация " + organisation, kind, college);
        return keys.createKey(organisation, role, "privacy test", null, null, null).secret();
    }

    // --- designer reports ---

    @Test
    void aCohortOfFewerThanFivePublishesNothingButToItsOwnCollege() throws Exception {
        for (String k : List.of(designer, ADMIN_KEY)) {
            JsonNode r = read(get("/api/reports/cohort?programme=" + programmeB + "&standard=06.001"), k);
            assertThat(r.get("students").isNull()).as("students").isTrue();
            assertThat(r.get("disclosure").get("applied").asBoolean()).isTrue();
            assertThat(r.get("disclosure").get("suppressed").asBoolean()).isTrue();
            assertThat(r.get("disclosure").get("reason").asString()).isEqualTo("SMALL_GROUP");
            assertThat(r.get("weakSpots").size()).isZero();
            JsonNode a013 = function(r, "A/01.3");
            a013.get("levels").forEach(n -> assertThat(n.isNull()).isTrue());
            assertThat(a013.get("readyShare").isNull()).isTrue();
            assertThat(a013.get("meanReadiness").isNull()).isTrue();
            assertThat(a013.get("suppressionReason").asString()).isEqualTo("SMALL_GROUP");
        }
        JsonNode own = read(get("/api/reports/cohort?programme=" + programmeB + "&standard=06.001"), keyB);
        assertThat(own.get("students").asInt()).isEqualTo(3);
        assertThat(own.get("disclosure").get("applied").asBoolean()).isFalse();
        assertThat(function(own, "A/01.3").get("levels").get("READY").asInt()).isEqualTo(3);
    }

    @Test
    void smallCountsOfACohortAreHiddenWithANonZeroComplementInJsonCsvAndXlsx() throws Exception {
        JsonNode r = read(get("/api/reports/cohort?programme=" + programmeA + "&standard=06.001"), designer);
        assertThat(r.get("students").asInt()).isEqualTo(7);
        assertThat(r.get("disclosure").get("suppressed").asBoolean()).isFalse();
        assertThat(r.get("disclosure").get("reason").asString()).isEqualTo("SMALL_COUNTS");
        JsonNode a013 = function(r, "A/01.3");
        // READY 5, PARTIALLY_READY 0, NOT_READY 2: the 2 is hidden, and the 5 with it (never the 0)
        assertThat(a013.get("levels").get("NOT_READY").isNull()).isTrue();
        assertThat(a013.get("levels").get("READY").isNull()).isTrue();
        assertThat(a013.get("levels").get("PARTIALLY_READY").asInt()).isZero();
        assertThat(a013.get("scored").isNull()).isTrue();
        assertThat(a013.get("readyShare").isNull()).isTrue();
        assertThat(a013.get("suppressionReason").asString()).isEqualTo("SMALL_COUNTS");
        // nothing published in the row gives a hidden count back: 7 − 0 − the other published levels ≥ 5 + 2
        int published = 0;
        for (JsonNode n : a013.get("levels")) {
            published += n.isNull() ? 0 : n.asInt();
        }
        published += a013.get("unscored").isNull() ? 0 : a013.get("unscored").asInt();
        assertThat(7 - published).isGreaterThanOrEqualTo(7);

        JsonNode own = read(get("/api/reports/cohort?programme=" + programmeA + "&standard=06.001"), keyA);
        assertThat(function(own, "A/01.3").get("levels").get("NOT_READY").asInt()).isEqualTo(2);
        assertThat(function(own, "A/01.3").get("levels").get("READY").asInt()).isEqualTo(5);

        String csv = new String(download("/api/reports/cohort?programme=" + programmeA + "&standard=06.001&format=csv",
                designer), StandardCharsets.UTF_8);
        assertThat(csv).contains("# Подавление малых групп: применяется").contains("скрыто");
        assertThat(csv.lines().filter(l -> l.startsWith("06.001;A/01.3;")).findFirst().orElseThrow())
                .contains("скрыто").doesNotContain(";2;");
        String ownCsv = new String(download("/api/reports/cohort?programme=" + programmeA
                + "&standard=06.001&format=csv", keyA), StandardCharsets.UTF_8);
        assertThat(ownCsv).contains("# Подавление малых групп: не применяется").doesNotContain("скрыто");
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(download("/api/reports/cohort?programme="
                + programmeA + "&standard=06.001&format=xlsx", designer)))) {
            StringBuilder about = new StringBuilder();
            for (Row row : book.getSheet("Сведения")) {
                about.append(row.getCell(0).getStringCellValue()).append('\n');
            }
            assertThat(about).contains("Подавление малых групп: применяется", "Часть значений скрыта");
        }
    }

    @Test
    void supplyVsDemandWithholdsAHiddenReadyCountAndSmallGroups() throws Exception {
        JsonNode r = read(get("/api/reports/supply-demand?programme=" + programmeA + "&standard=06.001"), designer);
        assertThat(r.get("graduates").asInt()).isEqualTo(7);
        JsonNode function = null;
        for (JsonNode n : r.get("needs")) {
            if (n.get("kind").asString().equals("FUNCTION")) {
                function = n;
            }
        }
        assertThat(function).isNotNull();
        // ready 5 of 7: the 2 not ready are hidden, so ready (and the shortfall) with them
        assertThat(function.get("suppressed").asBoolean()).isTrue();
        assertThat(function.get("ready").isNull()).isTrue();
        assertThat(function.get("shortfall").isNull()).isTrue();
        assertThat(function.get("needed").asInt()).isEqualTo(3);
        assertThat(new String(download("/api/reports/supply-demand?programme=" + programmeA
                + "&standard=06.001&format=csv", designer), StandardCharsets.UTF_8)).contains("скрыто");

        JsonNode small = read(get("/api/reports/supply-demand?programme=" + programmeB + "&standard=06.001"), designer);
        assertThat(small.get("graduates").isNull()).isTrue();
        assertThat(small.get("disclosure").get("reason").asString()).isEqualTo("SMALL_GROUP");
        small.get("needs").forEach(n -> assertThat(n.get("ready").isNull()).isTrue());

        // the region-wide supply withholds the same group's ready count, and leaves the group of 3 out
        JsonNode region = read(get("/api/demand/supply?region=" + fx.region + "&year=2027"), designer);
        for (JsonNode row : region.get("rows")) {
            if (row.get("demand").get("kind").asString().equals("FUNCTION")) {
                assertThat(row.get("ready").isNull()).isTrue();
                assertThat(row.get("smallGroupsLeftOut").asInt()).isEqualTo(1);
                assertThat(row.get("graduates").asInt()).isEqualTo(7 + 8);
            }
        }
    }

    // --- differencing ---

    @Test
    void anIntakeSharingItsGraduationYearWithOneOfFewerThanFiveIsNotPublishedApart() throws Exception {
        // the employer group (college C × 09.02.07 × 2027) has 8 students: 6 of 2023 and 2 of a shorter 2024 intake
        JsonNode group = read(get("/api/functions/readiness?standard=06.001&function=A/01.3&college=" + c), designer);
        assertThat(group.get("cells").size()).isEqualTo(1);
        assertThat(group.get("cells").get(0).get("students").asInt()).isEqualTo(8);
        // the cohort report of the 6 would give the 2 by subtraction: withheld
        JsonNode six = read(get("/api/reports/cohort?programme=" + programmeC + "&standard=06.001"), designer);
        assertThat(six.get("disclosure").get("suppressed").asBoolean()).isTrue();
        assertThat(six.get("disclosure").get("reason").asString()).isEqualTo("SMALL_NEIGHBOUR");
        assertThat(six.get("students").isNull()).isTrue();
    }

    @Test
    void twoFiltersNeverDifferByAGroupOfFewerThanFive() throws Exception {
        String url = "/api/functions/readiness?standard=06.001&function=A/01.3";
        String profile = "/api/employers/" + employer + "/profiles/DEV/readiness";
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("region", "&region=" + fx.region);
        filters.put("region+year", "&region=" + fx.region + "&year=2027");
        filters.put("region+programme", "&region=" + fx.region + "&programme=09.02.07");
        for (String college : List.of(a, b, c)) {
            filters.put("college " + college, "&college=" + college);
            filters.put("college " + college + "+year", "&college=" + college + "&year=2027");
            filters.put("college " + college + "+programme", "&college=" + college + "&programme=09.02.07");
        }
        for (String base : List.of(url, profile)) {
            String prefix = base.contains("?") ? base : base + "?x=";
            Map<String, Long> totals = new LinkedHashMap<>();
            for (Map.Entry<String, String> f : filters.entrySet()) {
                String k = base.equals(profile) ? employerKey : designer;
                JsonNode r = read(get(prefix + f.getValue()), k);
                totals.put(f.getKey(), r.get("totals").get("students").asLong());
                for (JsonNode cell : r.get("cells")) {
                    if (cell.get("college").asString().equals(b)) {
                        assertThat(cell.get("suppressed").asBoolean()).as("%s: B's 3 students", f.getKey()).isTrue();
                        assertThat(cell.get("students").isNull()).isTrue();
                    }
                }
            }
            // region minus one college (and any nested pair): 0 or at least 5 students apart
            long region = totals.get("region");
            for (String college : List.of(a, b, c)) {
                for (String part : List.of("", "+year", "+programme")) {
                    long difference = region - totals.get("college " + college + part);
                    assertThat(difference == 0 || difference >= 5)
                            .as("%s: region − college %s%s = %d", base, college, part, difference).isTrue();
                }
            }
            assertThat(totals.get("college " + b)).as("B's group is never counted").isZero();
            assertThat(region).isEqualTo(7 + 8);
            assertThat(totals.get("region+year")).isEqualTo(region);
            assertThat(totals.get("region+programme")).isEqualTo(region);
        }
    }

    @Test
    void aConsentChangeDoesNotIsolateAStudent() throws Exception {
        String url = "/api/functions/readiness?standard=06.001&function=A/01.3&college=" + a;
        JsonNode before = read(get(url), designer);
        JsonNode cellBefore = before.get("cells").get(0);
        String student = "PA-" + fx.tag + "-01";
        mvc.perform(put("/api/students/" + student + "/consent").contentType("application/json")
                .content("{\"consent\":false,\"date\":\"2026-11-25\"}")).andExpect(status().isOk());
        try {
            JsonNode after = read(get(url), designer);
            JsonNode cellAfter = after.get("cells").get(0);
            // one student without consent: no level counts at all, but the group's size stays as it was
            assertThat(cellAfter.get("students").asLong()).isEqualTo(cellBefore.get("students").asLong());
            assertThat(cellAfter.get("suppressionReason").asString()).isEqualTo("FEW_WITHHELD_CONSENT");
            cellAfter.get("counts").forEach(n -> assertThat(n.isNull()).isTrue());
            assertThat(after.get("totals").get("students").asLong())
                    .isEqualTo(before.get("totals").get("students").asLong());
            // and the counts published before never split the group below 5 either
            cellBefore.get("counts").forEach(n -> assertThat(n.isNull() || n.asInt() == 0 || n.asInt() >= 5).isTrue());
        } finally {
            mvc.perform(put("/api/students/" + student + "/consent").contentType("application/json")
                    .content("{\"consent\":true,\"date\":\"2026-11-26\"}")).andExpect(status().isOk());
        }
    }

    // --- roster uploads ---

    @Test
    void aRosterUploadAnswersAnotherCollegesIdLikeAFreeOne() throws Exception {
        String taken = rosterProblem("PB-" + fx.tag + "-01");
        String free = rosterProblem("NOBODY-" + fx.tag + "-01");
        assertThat(taken.replace("PB-" + fx.tag + "-01", "<id>")).isEqualTo(free.replace("NOBODY-" + fx.tag + "-01", "<id>"));
        assertThat(taken).doesNotContain("another college").contains("must start with " + d + "-");
        assertThat(students.find("NOBODY-" + fx.tag + "-01")).isEmpty();
        // a new id in the college's own namespace is taken in
        mvc.perform(post("/api/colleges/" + d + "/students").header(API_KEY_HEADER, keyD).contentType("text/csv")
                        .content(("student_id;programme\n" + d + "-NEW-1;09.02.07\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated());
        assertThat(students.find(d + "-NEW-1").orElseThrow().collegeCode()).isEqualTo(d);
        assertThat(students.find("PB-" + fx.tag + "-01").orElseThrow().collegeCode()).isEqualTo(b);
    }

    private String rosterProblem(String id) throws Exception {
        var response = mvc.perform(post("/api/colleges/" + d + "/students").header(API_KEY_HEADER, keyD)
                        .contentType("text/csv")
                        .content(("student_id;programme\n" + id + ";09.02.07\n").getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        return response.getStatus() + " " + response.getContentAsString(StandardCharsets.UTF_8);
    }

    // --- employers see their own ---

    @Test
    void anEmployerSeesOnlyItsOwnEmployerAndItsOwnDemand() throws Exception {
        JsonNode list = read(get("/api/employers"), employerKey);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("code").asString()).isEqualTo(employer);
        JsonNode demand = read(get("/api/demand?region=" + fx.region), employerKey);
        assertThat(demand.size()).isEqualTo(1);
        assertThat(demand.get(0).get("employer").asString()).isEqualTo(employer);
        JsonNode supply = read(get("/api/demand/supply?region=" + fx.region + "&year=2027"), employerKey);
        assertThat(supply.get("rows").size()).isEqualTo(1);
        assertThat(supply.get("rows").get(0).get("demand").get("employer").asString()).isEqualTo(employer);
        // the region's designers (and admin) see the whole list
        assertThat(read(get("/api/demand?region=" + fx.region), designer).size()).isEqualTo(3);
        assertThat(read(get("/api/demand/supply?region=" + fx.region + "&year=2027"), designer).get("rows").size())
                .isEqualTo(3);
        List<String> codes = new ArrayList<>();
        read(get("/api/employers"), designer).forEach(e -> codes.add(e.get("code").asString()));
        assertThat(codes).contains(employer, otherEmployer);
    }

    // --- helpers ---

    private JsonNode read(MockHttpServletRequestBuilder request, String key) throws Exception {
        var response = mvc.perform(request.header(API_KEY_HEADER, key)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private byte[] download(String url, String key) throws Exception {
        return mvc.perform(get(url).header(API_KEY_HEADER, key)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private static JsonNode function(JsonNode report, String code) {
        for (JsonNode f : report.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no " + code);
    }
}
