package ru.workready.api.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import org.springframework.core.io.ClassPathResource;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.programmes.Programme;
import ru.workready.data.students.StudentRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Employers on the full stack: suppression of small groups, consent on and off, must-have logic,
 * ranking order, and that no filter combination shows a student who did not consent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployersApiTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;
    @Autowired
    MappingImportService mappingImport;
    @Autowired
    StandardRepository standards;
    @Autowired
    java.time.Clock clock;

    private final JsonMapper json = JsonMapper.builder().build();
    EmployerFixtures fx;
    String employer;
    String profileUrl;
    /** Cohorts: C1 2027 (4 students), C1 2028 (12: 10 ready, 2 must-have short), C2 2027 (6, 2 without consent). */
    List<String> small;
    List<String> big;
    List<String> mixed;
    /** Ranking cohort in its own region. */
    EmployerFixtures rankFx;
    List<String> ranked;

    @BeforeAll
    void fixtures() throws Exception {
        fx = new EmployerFixtures(jdbc, programmes, students);
        long c1 = fx.college("C1");
        long c2 = fx.college("C2");
        small = fx.students(c1, fx.collegeCode("C1"), fx.programme(c1, "09.02.07", 2023), "SM",
                EmployerFixtures.consenting(4));
        big = fx.students(c1, fx.collegeCode("C1"), fx.programme(c1, "09.02.07", 2024), "BG",
                EmployerFixtures.consenting(12));
        mixed = fx.students(c2, fx.collegeCode("C2"), fx.programme(c2, "09.02.01", 2023), "MX",
                true, true, false, true, false, true);
        fx.scoreAll(small, "A/01.3", "READY", 0.9);
        fx.scoreAll(small, "A/02.3", "READY", 0.9);
        fx.scoreAll(big.subList(0, 10), "A/01.3", "READY", 0.9);
        fx.scoreAll(big.subList(0, 10), "A/02.3", "READY", 0.9);
        fx.scoreAll(big.subList(10, 12), "A/01.3", "PARTIALLY_READY", 0.6);
        fx.scoreAll(big.subList(10, 12), "A/02.3", "PARTIALLY_READY", 0.6);
        fx.scoreAll(mixed, "A/01.3", "READY", 0.8);
        fx.scoreAll(mixed, "A/02.3", "READY", 0.8);

        employer = "EMP-" + fx.tag;
        mvc.perform(post("/api/employers").contentType("application/json").content("""
                {"code":"%s","name":"ООО «Тест»","region":"%s"}""".formatted(employer, fx.region)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/employers/" + employer + "/profiles").contentType("application/json").content("""
                {"code":"DEV","name":"Разработчик","functions":[
                  {"standard":"06.001","function":"A/01.3","importance":2},
                  {"standard":"06.001","function":"А/02.3","importance":5,"mustHave":true}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.functions.length()").value(2))
                .andExpect(jsonPath("$.functions[1].function").value("A/02.3"));
        profileUrl = "/api/employers/" + employer + "/profiles/DEV";

        rankFx = new EmployerFixtures(jdbc, programmes, students);
        long c3 = rankFx.college("R");
        ranked = rankFx.students(c3, rankFx.collegeCode("R"), rankFx.programme(c3, "09.02.07", 2022), "RK",
                true, true, true, false, true);
        rankFx.score(ranked.get(0), "A/01.3", "READY", 0.9);
        rankFx.score(ranked.get(0), "A/02.3", "READY", 0.9);
        rankFx.score(ranked.get(1), "A/01.3", "READY", 1.0);
        rankFx.score(ranked.get(1), "A/02.3", "PARTIALLY_READY", 0.74);
        rankFx.score(ranked.get(2), "A/01.3", "PARTIALLY_READY", 0.6);
        rankFx.score(ranked.get(2), "A/02.3", "READY", 0.8);
        rankFx.score(ranked.get(3), "A/01.3", "READY", 1.0);
        rankFx.score(ranked.get(3), "A/02.3", "READY", 1.0);
        rankFx.score(ranked.get(4), "A/01.3", "READY", 0.9);
        rankFx.score(ranked.get(4), "A/02.3", "READY", 0.9);
    }

    @Test
    void smallGroupsAndSmallCountsAreSuppressed() throws Exception {
        JsonNode r = getJson(get(profileUrl + "/readiness").param("region", fx.region));
        assertThat(r.get("minimumGroupSize").asInt()).isEqualTo(5);
        assertThat(r.get("cells")).hasSize(3);
        JsonNode smallCell = cell(r, fx.collegeCode("C1"), 2027);
        assertThat(smallCell.get("suppressed").asBoolean()).isTrue();
        assertThat(smallCell.get("students").isNull()).isTrue();
        assertThat(smallCell.get("counts").isNull()).isTrue();
        assertThat(smallCell.get("medianJobFit").isNull()).isTrue();

        // 10 READY, 2 short of the must-have (NOT_READY), 0 PARTIALLY_READY: the 2 is hidden, and so is a
        // non-zero complement (the 10) — hiding the 0 instead would leave 12 − 10 = 2 for the hidden pair
        JsonNode bigCell = cell(r, fx.collegeCode("C1"), 2028);
        assertThat(bigCell.get("students").asInt()).isEqualTo(12);
        assertThat(bigCell.get("counts").get("READY").isNull()).isTrue();
        assertThat(bigCell.get("counts").get("NOT_READY").isNull()).isTrue();
        assertThat(bigCell.get("counts").get("PARTIALLY_READY").asInt()).isZero();
        assertThat(bigCell.get("suppressionReason").asString()).isEqualTo("SMALL_COUNTS");
        assertThat(smallCell.get("suppressionReason").asString()).isEqualTo("SMALL_GROUP");
        assertThat(bigCell.get("medianJobFit").asDouble()).isEqualTo(0.9);

        // 6 students of whom 2 did not consent: named candidates would give their levels away by subtraction
        JsonNode mixedCell = cell(r, fx.collegeCode("C2"), 2027);
        assertThat(mixedCell.get("suppressed").asBoolean()).isFalse();
        assertThat(mixedCell.get("students").asInt()).isEqualTo(6);
        mixedCell.get("counts").forEach(c -> assertThat(c.isNull()).isTrue());
        assertThat(mixedCell.get("medianJobFit").isNull()).isTrue();

        // totals cover published groups only: the 4 suppressed students cannot be recovered by subtraction
        assertThat(r.get("totals").get("students").asInt()).isEqualTo(18);
        assertThat(r.get("totals").get("suppressedCells").asInt()).isEqualTo(1);
        assertThat(r.get("totals").get("publishedCells").asInt()).isEqualTo(2);

        JsonNode byFunction = getJson(get("/api/functions/readiness").param("standard", "06.001")
                .param("function", "A/01.3").param("region", fx.region).param("year", "2028"));
        assertThat(byFunction.get("cells")).hasSize(1);
        JsonNode counts = byFunction.get("cells").get(0).get("counts");
        // 10 READY, 2 PARTIALLY_READY, 0 NOT_READY: the 2 and a non-zero complement (the 10) are hidden
        assertThat(counts.get("READY").isNull()).isTrue();
        assertThat(counts.get("PARTIALLY_READY").isNull()).isTrue();
        assertThat(counts.get("NOT_READY").asInt()).isZero();
    }

    @Test
    void filtersSelectWholeGroupsNeverPartsOfThem() throws Exception {
        JsonNode r = getJson(get(profileUrl + "/readiness").param("region", fx.region).param("year", "2027"));
        assertThat(r.get("cells")).hasSize(2);
        r = getJson(get(profileUrl + "/readiness").param("college", fx.collegeCode("C1"))
                .param("programme", "09.02.07"));
        assertThat(r.get("cells")).hasSize(2);
        assertThat(cell(r, fx.collegeCode("C1"), 2028).get("students").asInt()).isEqualTo(12);
        r = getJson(get(profileUrl + "/readiness").param("region", "Нет такого региона"));
        assertThat(r.get("cells")).isEmpty();
        assertThat(r.get("totals").get("students").asInt()).isZero();
    }

    @Test
    void candidatesAreRankedMustHavesFirstThenFitThenId() throws Exception {
        JsonNode r = getJson(get(profileUrl + "/candidates").param("region", rankFx.region));
        List<String> order = new ArrayList<>();
        r.get("candidates").forEach(c -> order.add(c.get("studentId").asString()));
        // RK-04 did not consent; RK-02 has the best fit (0.81) but is short of the must-have A/02.3
        assertThat(order).containsExactly(ranked.get(0), ranked.get(4), ranked.get(2), ranked.get(1));
        JsonNode first = r.get("candidates").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("jobFit").asDouble()).isEqualTo(0.9);
        assertThat(first.get("mustHavesMet").asBoolean()).isTrue();
        assertThat(first.get("level").asString()).isEqualTo("READY");
        assertThat(first.get("gaps")).isEmpty();

        JsonNode third = r.get("candidates").get(2);
        assertThat(third.get("jobFit").asDouble()).isEqualTo(0.7429);
        assertThat(third.get("level").asString()).isEqualTo("PARTIALLY_READY");
        assertThat(third.get("gaps")).hasSize(1);
        assertThat(third.get("gaps").get(0).get("function").asString()).isEqualTo("A/01.3");

        JsonNode last = r.get("candidates").get(3);
        assertThat(last.get("jobFit").asDouble()).isEqualTo(0.8143);
        assertThat(last.get("mustHavesMet").asBoolean()).isFalse();
        assertThat(last.get("level").asString()).isEqualTo("NOT_READY");
        assertThat(last.get("unmetMustHaves").get(0).asString()).isEqualTo("A/02.3");
        JsonNode gap = last.get("gaps").get(0);
        assertThat(gap.get("function").asString()).isEqualTo("A/02.3");
        assertThat(gap.get("mustHave").asBoolean()).isTrue();
        assertThat(gap.get("meetsRequirement").asBoolean()).isFalse();
        assertThat(gap.get("level").asString()).isEqualTo("PARTIALLY_READY");
        JsonNode outcome = gap.get("outcomes").get(0);
        assertThat(outcome.get("outcome").asString()).isEqualTo("ПК 1.1");
        List<String> kinds = new ArrayList<>();
        outcome.get("newEvidence").forEach(k -> kinds.add(k.asString()));
        assertThat(kinds).startsWith("DEMO_EXAM").doesNotContain("COURSE_GRADE");
        assertThat(outcome.get("retake")).isEmpty();
        assertThat(gap.get("independentAssessment").asString()).contains("06.001").contains("A");

        JsonNode limited = getJson(get(profileUrl + "/candidates").param("region", rankFx.region).param("limit", "2"));
        assertThat(limited.get("count").asInt()).isEqualTo(2);
    }

    @Test
    void consentWithdrawalHidesAtOnceAndConsentShowsAgain() throws Exception {
        String student = ranked.get(0);
        assertThat(candidateIds(rankFx.region)).contains(student);
        mvc.perform(put("/api/students/" + student + "/consent").contentType("application/json")
                        .content("{\"consent\":false,\"date\":\"2026-11-20\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consent").value(false))
                .andExpect(jsonPath("$.date").value("2026-11-20"));
        assertThat(candidateIds(rankFx.region)).doesNotContain(student).contains(ranked.get(4));
        mvc.perform(put("/api/students/" + student + "/consent").contentType("application/json")
                        .content("{\"consent\":true,\"date\":\"2026-11-21\"}"))
                .andExpect(status().isOk());
        assertThat(candidateIds(rankFx.region)).first().isEqualTo(student);
        mvc.perform(get("/api/students/" + student + "/consent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[0].consented").value(false))
                .andExpect(jsonPath("$.timesListedToEmployers").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));

        mvc.perform(put("/api/students/NOBODY-" + fx.tag + "/consent").contentType("application/json")
                        .content("{\"consent\":true}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/not-found"));
        mvc.perform(put("/api/students/" + student + "/consent").contentType("application/json").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-consent"))
                .andExpect(jsonPath("$.problems[0].column").value("consent"));
        mvc.perform(put("/api/students/" + student + "/consent").contentType("application/json")
                        .content("{\"consent\":true,\"date\":\"someday\"}"))
                .andExpect(status().isBadRequest());
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).map(i -> 2_026_112_500L + i).boxed();
    }

    /**
     * Whatever the filters, limit and profile, and with consent flipping between requests, the
     * candidates are exactly consenting students: never one who has not (or no longer) consented;
     * and the aggregates under the same filters publish no number about 1–4 students.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void noFilterCombinationShowsANonConsentingStudent(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> mine = new ArrayList<>();
        mine.addAll(small);
        mine.addAll(big);
        mine.addAll(mixed);
        String flipped = mine.get(random.nextInt(mine.size()));
        boolean was = consent(flipped);
        mvc.perform(put("/api/students/" + flipped + "/consent").contentType("application/json")
                .content("{\"consent\":" + !was + "}")).andExpect(status().isOk());
        try {
            String[] regions = {null, fx.region, rankFx.region, "Демо-регион", "Нет", ""};
            String[] colleges = {null, fx.collegeCode("C1"), fx.collegeCode("C2"), rankFx.collegeCode("R"), "DEMO",
                    "NOPE"};
            String[] programmesCodes = {null, "09.02.07", "09.02.01", "00.00.00"};
            Integer[] years = {null, 2026, 2027, 2028, 2030};
            String[] profiles = {profileUrl, "/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV"};
            MockHttpServletRequestBuilder request = get(profiles[random.nextInt(profiles.length)] + "/candidates")
                    .param("limit", String.valueOf(1 + random.nextInt(500)));
            String region = regions[random.nextInt(regions.length)];
            String college = colleges[random.nextInt(colleges.length)];
            String programme = programmesCodes[random.nextInt(programmesCodes.length)];
            Integer year = years[random.nextInt(years.length)];
            if (region != null) {
                request.param("region", region);
            }
            if (college != null) {
                request.param("college", college);
            }
            if (programme != null) {
                request.param("programme", programme);
            }
            if (year != null) {
                request.param("year", String.valueOf(year));
            }
            JsonNode r = getJson(request);
            Set<String> seen = new HashSet<>();
            for (JsonNode c : r.get("candidates")) {
                String id = c.get("studentId").asString();
                assertThat(consent(id)).as("seed %d: %s listed without consent (region=%s college=%s programme=%s "
                        + "year=%s)", seed, id, region, college, programme, year).isTrue();
                assertThat(seen.add(id)).as("seed %d: %s listed twice", seed, id).isTrue();
            }
            if (!was) {
                assertThat(seen).as("seed %d", seed).doesNotContain(mixed.get(2), mixed.get(4));
            }
            // the same filters on the aggregates: no published number describes 1–4 students
            MockHttpServletRequestBuilder aggregate = get(profiles[random.nextInt(profiles.length)] + "/readiness");
            if (region != null) {
                aggregate.param("region", region);
            }
            if (college != null) {
                aggregate.param("college", college);
            }
            if (programme != null) {
                aggregate.param("programme", programme);
            }
            if (year != null) {
                aggregate.param("year", String.valueOf(year));
            }
            JsonNode a = getJson(aggregate);
            for (JsonNode cell : a.get("cells")) {
                if (!cell.get("students").isNull()) {
                    assertThat(cell.get("students").asInt()).as("seed %d", seed).isGreaterThanOrEqualTo(5);
                    int hidden = 0;
                    for (JsonNode count : cell.get("counts")) {
                        if (count.isNull()) {
                            hidden++;
                        } else {
                            assertThat(count.asInt() == 0 || count.asInt() >= 5).as("seed %d: %s", seed, cell).isTrue();
                        }
                    }
                    assertThat(hidden).as("seed %d: one hidden count is recoverable from the rest", seed)
                            .isNotEqualTo(1);
                } else {
                    assertThat(cell.get("suppressed").asBoolean()).isTrue();
                }
            }
        } finally {
            mvc.perform(put("/api/students/" + flipped + "/consent").contentType("application/json")
                    .content("{\"consent\":" + was + "}")).andExpect(status().isOk());
        }
    }

    @Test
    void profilesStartFromAnOtfOrALevelAndCanBeEdited() throws Exception {
        JsonNode fromLevel = getJson(post("/api/employers/" + employer + "/profiles").contentType("application/json")
                .content("""
                        {"code":"MID","name":"Разработчик (уровень 4)","from":{"standard":"06.001","qualificationLevel":4},
                         "functions":[{"standard":"06.001","function":"B/02.4","importance":5,"mustHave":true,
                                       "minLevel":"PARTIALLY_READY"}]}"""), 201);
        assertThat(fromLevel.get("functions").size()).isGreaterThan(1);
        fromLevel.get("functions").forEach(f -> assertThat(f.get("function").asString()).startsWith("B/"));
        JsonNode b02 = null;
        for (JsonNode f : fromLevel.get("functions")) {
            if (f.get("function").asString().equals("B/02.4")) {
                b02 = f;
            }
        }
        assertThat(b02.get("importance").asInt()).isEqualTo(5);
        assertThat(b02.get("mustHave").asBoolean()).isTrue();
        assertThat(b02.get("minLevel").asString()).isEqualTo("PARTIALLY_READY");

        JsonNode fromOtf = getJson(put("/api/employers/" + employer + "/profiles/MID").contentType("application/json")
                .content("""
                        {"name":"Младший разработчик","from":{"standard":"06.001","generalizedFunction":"А","importance":2}}"""),
                200);
        assertThat(fromOtf.get("name").asString()).isEqualTo("Младший разработчик");
        assertThat(fromOtf.get("functions")).hasSize(5);
        fromOtf.get("functions").forEach(f -> assertThat(f.get("importance").asInt()).isEqualTo(2));
        mvc.perform(get("/api/employers/" + employer + "/profiles"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void badProfilesAndParametersAreProblemDetails() throws Exception {
        mvc.perform(post("/api/employers/" + employer + "/profiles").contentType("application/json").content("""
                        {"code":"BAD","functions":[{"standard":"06.001","function":"Z/99.9","importance":9},
                                                   {"standard":"06.001","function":"A/01.3","minLevel":"GREAT"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-job-profile"))
                .andExpect(jsonPath("$.problems[0].column").value("name"))
                .andExpect(jsonPath("$.problems[1].column").value("functions[0].importance"))
                .andExpect(jsonPath("$.problems[2].column").value("functions[1].minLevel"))
                .andExpect(jsonPath("$.problemCount").value(3));
        mvc.perform(post("/api/employers/" + employer + "/profiles").contentType("application/json").content("""
                        {"code":"BAD","name":"x","functions":[{"standard":"06.001","function":"Z/99.9"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("functions[0].function"))
                .andExpect(jsonPath("$.problems[0].value").value("Z/99.9"));
        mvc.perform(post("/api/employers/" + employer + "/profiles").contentType("application/json").content("""
                        {"code":"BAD","name":"x","from":{"standard":"06.001","generalizedFunction":"A","qualificationLevel":3}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("from"));
        mvc.perform(post("/api/employers/" + employer + "/profiles").contentType("application/json").content("""
                        {"code":"DEV","name":"again","functions":[{"standard":"06.001","function":"A/01.3"}]}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/job-profile-conflict"));
        mvc.perform(post("/api/employers/" + employer + "/profiles").contentType("application/json").content("{bad"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/employers").contentType("application/json").content("{\"code\":\"" + employer
                        + "\",\"name\":\"x\",\"region\":\"77\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/employers").contentType("application/json").content("{\"code\":\"NEW-" + employer
                        + "\",\"name\":\"x\",\"region\":\"Нигдения\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].column").value("region"));
        mvc.perform(get(profileUrl + "/candidates").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("limit"));
        mvc.perform(get(profileUrl + "/readiness").param("year", "soon"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-parameter"));
        mvc.perform(get("/api/employers/NOPE-" + fx.tag + "/profiles/DEV/candidates"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/functions/readiness").param("standard", "06.001").param("function", "Z/01.1"))
                .andExpect(status().isNotFound());
    }

    @Test
    void demandIsUploadedWholeOrNotAtAllAndSupplyShowsTheShortfall() throws Exception {
        String bad = """
                region;year;needed;employer;profile;standard_code;function_code;source
                %1$s;2028;15;%2$s;DEV;;;ok row
                %1$s;20x8;3;%2$s;DEV;;;
                %1$s;2028;-1;;;06.001;A/01.3;
                %1$s;2028;4;%2$s;NOPE;;;
                %1$s;2028;4;;;06.001;Q;
                %1$s;2028;4;%2$s;DEV;06.001;A;
                """.formatted(fx.region, employer);
        mvc.perform(post("/api/demand").contentType("text/csv").content(bad.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-demand"))
                .andExpect(jsonPath("$.problemCount").value(5))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("year"))
                .andExpect(jsonPath("$.problems[1].row").value(4))
                .andExpect(jsonPath("$.problems[1].column").value("needed"))
                .andExpect(jsonPath("$.problems[2].column").value("profile"))
                .andExpect(jsonPath("$.problems[3].column").value("function_code"))
                .andExpect(jsonPath("$.problems[4].row").value(7));
        mvc.perform(get("/api/demand").param("region", fx.region)).andExpect(jsonPath("$.length()").value(0));

        String good = """
                region,year,needed,employer,profile,standard_code,function_code,source
                %1$s,2028,15,%2$s,DEV,,,заявка
                %1$s,2028,6,,,06.001,A/01.3,ТОП-регион
                %1$s,2027,3,%2$s,DEV,,,заявка
                %1$s,2028,4,,,06.001,А,прогноз
                """.formatted(fx.region, employer);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/demand").contentType("text/csv").content(good.getBytes(StandardCharsets.UTF_8)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.rows").value(4));
        }
        mvc.perform(get("/api/demand").param("region", fx.region)).andExpect(jsonPath("$.length()").value(4));
        mvc.perform(post("/api/demand").contentType("application/json").content("""
                        [{"region":"%s","year":2028,"needed":20,"standard":"06.001","function":"A/01.3"}]"""
                        .formatted(fx.region)))
                .andExpect(status().isCreated());

        JsonNode supply = getJson(get("/api/demand/supply").param("region", fx.region).param("year", "2028"));
        assertThat(supply.get("rows")).hasSize(3);
        for (JsonNode row : supply.get("rows")) {
            String kind = row.get("demand").get("kind").asString();
            switch (kind) {
                // 10 of 12 ready: the 2 not ready are hidden with the 10 as their complement, so ready is withheld
                case "PROFILE" -> {
                    assertThat(row.get("graduates").asInt()).isEqualTo(12);
                    assertThat(row.get("suppressed").asBoolean()).isTrue();
                    assertThat(row.get("ready").isNull()).isTrue();
                    assertThat(row.get("shortfall").isNull()).isTrue();
                    assertThat(row.get("suppressionReason").asString()).isNotBlank();
                }
                case "FUNCTION" -> {
                    assertThat(row.get("demand").get("needed").asInt()).isEqualTo(20);
                    assertThat(row.get("suppressed").asBoolean()).isTrue();
                    assertThat(row.get("ready").isNull()).isTrue();
                }
                default -> {
                    // the cohort has scores for two of the five ТФ of ОТФ A: nobody is ready for the qualification
                    assertThat(row.get("ready").asInt()).isZero();
                    assertThat(row.get("shortfall").asInt()).isEqualTo(4);
                }
            }
        }
        // 2027: one group of 4 is left out, the other hides its counts (2 students without consent)
        JsonNode y2027 = getJson(get("/api/demand/supply").param("region", fx.region).param("year", "2027"));
        JsonNode row = y2027.get("rows").get(0);
        assertThat(row.get("smallGroupsLeftOut").asInt()).isEqualTo(1);
        assertThat(row.get("graduates").asInt()).isEqualTo(6);
        assertThat(row.get("suppressed").asBoolean()).isTrue();
        assertThat(row.get("ready").isNull()).isTrue();
    }

    @Test
    void demoEmployerAnswersOnTheDemoData() throws Exception {
        int current = ru.workready.api.demo.DemoCalendar.of(clock).year(2027);
        JsonNode r = getJson(get("/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/readiness").param("college", "DEMO")
                .param("year", String.valueOf(current)));
        JsonNode demo = r.get("cells").get(0);
        assertThat(demo.get("students").asInt()).isEqualTo(30);
        assertThat(demo.get("graduationYear").asInt())
                .isEqualTo(ru.workready.api.demo.DemoCalendar.of(clock).year(2027));
        JsonNode candidates = getJson(get("/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/candidates")
                .param("college", "DEMO"));
        for (JsonNode c : candidates.get("candidates")) {
            int n = Integer.parseInt(c.get("studentId").asString().substring(5));
            assertThat(n % 3).as("DEMO students 3, 6, 9 … have not consented").isNotZero();
        }
    }

    @Test
    void aggregatesAndCandidatesAsOfADayOrAtGraduation() throws Exception {
        var cal = ru.workready.api.demo.DemoCalendar.of(clock);
        String profile = "/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV";
        // as of today: the same numbers and ranking as today's stored scores
        String today = java.time.LocalDate.now(clock).toString();
        JsonNode stored = getJson(get(profile + "/readiness").param("college", "DEMO"));
        JsonNode asOfToday = getJson(get(profile + "/readiness").param("college", "DEMO").param("asOf", today));
        assertThat(asOfToday.get("cells")).isEqualTo(stored.get("cells"));
        assertThat(asOfToday.get("asOf").asString()).isEqualTo(today);
        assertThat(stored.has("asOf")).isFalse();
        List<String> ranked = new ArrayList<>();
        getJson(get(profile + "/candidates").param("college", "DEMO")).get("candidates")
                .forEach(c -> ranked.add(c.get("studentId").asString()));
        List<String> rankedAsOf = new ArrayList<>();
        getJson(get(profile + "/candidates").param("college", "DEMO").param("asOf", today)).get("candidates")
                .forEach(c -> rankedAsOf.add(c.get("studentId").asString()));
        assertThat(rankedAsOf).isNotEmpty().isEqualTo(ranked);

        // at graduation: the four graduated intakes, each as of its own graduation; the current one left out
        JsonNode graduation = getJson(get("/api/functions/readiness").param("standard", "06.001")
                .param("function", "A/01.3").param("college", "DEMO").param("asOf", "graduation"));
        boolean currentGraduated = !ru.workready.data.reports.TrendService.graduationDate(cal.year(2027))
                .isAfter(java.time.LocalDate.now(clock));
        assertThat(graduation.get("notYetGraduated").asInt()).isEqualTo(currentGraduated ? 0 : 30);
        assertThat(graduation.get("cells")).hasSize(currentGraduated ? 5 : 4);
        JsonNode last = cell(graduation, "DEMO", cal.year(2026));
        assertThat(last.get("students").asInt()).isEqualTo(25);
        // the same as the trend report's count for that year (the college's own numbers)
        JsonNode trend = getJson(get("/api/reports/trends").param("college", "DEMO").param("fgos", "09.02.07")
                .param("standard", "06.001").param("from", String.valueOf(cal.year(2026)))
                .param("to", String.valueOf(cal.year(2026))));
        for (JsonNode line : trend.get("lines")) {
            JsonNode point = line.get("points").get(0);
            if (line.get("code").asString().equals("A/01.3") && !point.get("ready").isNull()
                    && !last.get("counts").get("READY").isNull()) {
                assertThat(last.get("counts").get("READY").asInt()).isEqualTo(point.get("ready").asInt());
            }
        }
        // before any result: nobody ready
        JsonNode early = getJson(get("/api/functions/readiness").param("standard", "06.001")
                .param("function", "A/01.3").param("college", "DEMO").param("asOf", cal.year(2019) + "-09-01"));
        assertThat(early.get("totals").get("students").asInt()).isPositive();
        early.get("cells").forEach(c -> assertThat(c.get("counts").get("READY").asInt(0)).isZero());
        getJson(get("/api/functions/readiness").param("standard", "06.001").param("function", "A/01.3")
                .param("asOf", "yesterday"), 400);
    }

    @Test
    void studentsNeverScoredAreScoredBeforeTheyAreCounted() throws Exception {
        EmployerFixtures own = new EmployerFixtures(jdbc, programmes, students);
        long college = own.college("NEW");
        Programme programme = json.readValue(new ClassPathResource("demo/programme-09.02.07.json").getInputStream()
                .readAllBytes(), Programme.class);
        long programmeId = programmes.insert(college, new Programme(programme.fgosCode(), programme.name(),
                programme.qualification(), programme.qualificationLevel(), 2020, programme.activities(),
                programme.outcomes()));
        mappingImport.importCsv(programmeId, standards.currentEdition("06.001").orElseThrow(), "test",
                new ClassPathResource("demo/mapping-06.001.csv").getInputStream().readAllBytes());
        List<String> fresh = own.students(college, own.collegeCode("NEW"), programmeId, "NW",
                EmployerFixtures.consenting(5));
        assertThat(jdbc.sql("select count(*) from readiness_score where student_id = any(?)")
                .param(fresh.toArray(String[]::new)).query(Long.class).single()).isZero();

        JsonNode r = getJson(get("/api/functions/readiness").param("standard", "06.001").param("function", "A/01.3")
                .param("college", own.collegeCode("NEW")));
        JsonNode cell = r.get("cells").get(0);
        assertThat(cell.get("graduationYear").asInt()).isEqualTo(2024);
        assertThat(cell.get("students").asInt()).isEqualTo(5);
        // no evidence at all: insufficient evidence, which employers see as not ready
        assertThat(cell.get("counts").get("NOT_READY").asInt()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from readiness_score where student_id = any(?)")
                .param(fresh.toArray(String[]::new)).query(Long.class).single()).isPositive();
    }

    @Test
    void endpointsAreInTheOpenApiDocument() throws Exception {
        JsonNode paths = getJson(get("/v3/api-docs")).get("paths");
        for (String path : List.of("/api/employers", "/api/employers/{employer}/profiles",
                "/api/employers/{employer}/profiles/{profile}/readiness",
                "/api/employers/{employer}/profiles/{profile}/candidates", "/api/functions/readiness",
                "/api/students/{id}/consent", "/api/demand", "/api/demand/supply")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    private boolean consent(String student) {
        return jdbc.sql("select employer_consent from student where id = ?").param(student).query(Boolean.class)
                .single();
    }

    private List<String> candidateIds(String region) throws Exception {
        List<String> ids = new ArrayList<>();
        getJson(get(profileUrl + "/candidates").param("region", region)).get("candidates")
                .forEach(c -> ids.add(c.get("studentId").asString()));
        return ids;
    }

    private static JsonNode cell(JsonNode aggregate, String college, int year) {
        for (JsonNode c : aggregate.get("cells")) {
            if (c.get("college").asString().equals(college) && c.get("graduationYear").asInt() == year) {
                return c;
            }
        }
        throw new AssertionError("no cell " + college + " " + year + " in " + aggregate);
    }

    private JsonNode getJson(MockHttpServletRequestBuilder request) throws Exception {
        return getJson(request, 200);
    }

    private JsonNode getJson(MockHttpServletRequestBuilder request, int status) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }
}
