package ru.workready.api.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Employment records through the upload path (all or nothing, idempotent, every bad row listed, in-specialty derived
 * from the standards' ОКЗ codes) and the employment report with its small-group suppression.
 */
class EmploymentApiTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeyService keys;

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder upload(String college, String csv) {
        return post("/api/colleges/" + college + "/employment").contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsAreStoredOnceWithTheSpecialtyDerivedFromTheStandardsCodes() throws Exception {
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 4);
        List<String> s = fx.students();
        String csv = """
                student_id;observed_on;status;source;employer;region;okz_code;okpdtr_code;in_specialty
                %s;2025-06-20;EMPLOYED;COLLEGE_SURVEY;ООО «Софт»;26;2512.;;
                %s;2025-06-20;трудоустроен;employer;ООО «Склад»;Ставропольский край;9329;;
                %s;2025-06-20;SELF_EMPLOYED;OFFICIAL;;;;27099;
                %s;2025-06-20;UNEMPLOYED;COLLEGE_SURVEY;;;;;
                %s;2024-12-28;EMPLOYED;COLLEGE_SURVEY;;;;;да
                """.formatted(s.get(0), s.get(1), s.get(2), s.get(3), s.get(0));
        mvc.perform(upload(fx.college(), csv)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("EMPLOYMENT"))
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.countsByKind.EMPLOYED").value(3))
                .andExpect(jsonPath("$.countsByKind.UNEMPLOYED").value(1));
        mvc.perform(upload(fx.college(), csv)).andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));
        List<String> stored = jdbc.sql("""
                        select student_id || ' ' || observed_on || ' ' || coalesce(in_specialty::text, '-') || ' '
                               || in_specialty_basis || ' ' || coalesce(region, '-')
                        from employment_record where college_id = (select id from college where code = ?)
                        order by student_id, observed_on""").param(fx.college()).query(String.class).list();
        assertThat(stored).containsExactly(
                s.get(0) + " 2024-12-28 true GIVEN -",
                s.get(0) + " 2025-06-20 true OKZ 26",      // 2512 «Разработчики программного обеспечения» is 06.001's
                s.get(1) + " 2025-06-20 false OKZ 26",     // 9329 is not
                s.get(2) + " 2025-06-20 true OKPDTR -",    // 27099 «Программист» is an ОТФ's ОКПДТР
                s.get(3) + " 2025-06-20 - NONE -");
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryBadRowListed() throws Exception {
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 2);
        String a = fx.students().get(0);
        String csv = """
                student_id;observed_on;status;source;region;okz_code;in_specialty
                NOBODY-1;2025-06-20;EMPLOYED;COLLEGE_SURVEY;;;
                %1$s;2025-06-20;WORKING;COLLEGE_SURVEY;;;
                %1$s;2025-07-01;UNEMPLOYED;COLLEGE_SURVEY;;;да
                %1$s;2023-06-20;EMPLOYED;COLLEGE_SURVEY;;;
                %1$s;2030-01-01;EMPLOYED;COLLEGE_SURVEY;;;
                %1$s;2025-08-01;EMPLOYED;rumour;;25x;
                %1$s;2025-09-01;EMPLOYED;EMPLOYER;Атлантида;;
                %1$s;2025-10-01;EMPLOYED;EMPLOYER;;;
                %1$s;2025-10-01;EMPLOYED;EMPLOYER;;;
                """.formatted(a);
        JsonNode problem = json.readTree(mvc.perform(upload(fx.college(), csv)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("type").asString()).endsWith("/invalid-employment-file");
        List<String> listed = new ArrayList<>();
        problem.get("problems").forEach(p -> listed.add(p.get("row").asInt() + " " + p.get("column").asString()));
        assertThat(listed).contains("2 student_id", "3 status", "4 in_specialty", "5 observed_on", "6 observed_on",
                "7 source", "7 okz_code", "8 region", "9 observed_on", "10 observed_on");
        assertThat(problem.get("problemCount").asInt()).isEqualTo(10);
        assertThat(jdbc.sql("select count(*) from employment_record where student_id = ?").param(a)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void jsonGoesThroughTheSamePath() throws Exception {
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 1);
        mvc.perform(post("/api/colleges/" + fx.college() + "/employment").contentType("application/json")
                        .content("""
                                [{"student_id": "%s", "observed_on": "2025-06-30", "status": "ARMY",
                                  "source": "COLLEGE_SURVEY"}]""".formatted(fx.students().get(0))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.countsByKind.ARMY").value(1));
    }

    @Test
    void xlsxGoesThroughTheSamePath() throws Exception {
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("Трудоустройство");
            String[][] cells = {{"student_id", "observed_on", "status", "source", "okz_code"},
                    {fx.students().get(0), "30.06.2025", "EMPLOYED", "OFFICIAL", "3512"}};
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            book.write(out);
        }
        mvc.perform(post("/api/colleges/" + fx.college() + "/employment")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .content(out.toByteArray()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.format").value("XLSX"))
                .andExpect(jsonPath("$.countsByKind.EMPLOYED").value(1));
        assertThat(jdbc.sql("select in_specialty from employment_record where student_id = ?")
                .param(fx.students().get(0)).query(Boolean.class).single()).isTrue();
    }

    /**
     * 18 graduates of 2024: at 12 months 9 in specialty, 6 in other jobs, 2 unemployed, 1 never answered. The
     * programme's own college sees every count; a designer sees the counts of 1–4 hidden with complements.
     */
    @Test
    void theReportCountsEachHorizonAndHidesSmallCountsFromOutsiders() throws Exception {
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 18);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            String id = fx.students().get(i);
            String twelve = i < 9 ? "EMPLOYED;COLLEGE_SURVEY;2512;" : i < 15 ? "EMPLOYED;EMPLOYER;9329;"
                    : "UNEMPLOYED;COLLEGE_SURVEY;;";
            if (i < 17) {
                rows.append(id).append(";2025-07-15;").append(twelve).append('\n');
                // an earlier answer further from the 12 months: the nearer one counts
                rows.append(id).append(";2025-04-15;UNEMPLOYED;COLLEGE_SURVEY;;\n");
            }
            rows.append(id).append(";2024-12-20;CONTINUING_EDUCATION;COLLEGE_SURVEY;;\n");
        }
        fx.employment(rows.toString());

        String collegeKey = key(fx, OrganisationKind.COLLEGE, fx.college(), Role.COLLEGE);
        JsonNode own = read(get("/api/reports/employment").header(API_KEY_HEADER, collegeKey));
        assertThat(own.get("suppression").asBoolean()).isFalse();
        JsonNode twelve = horizon(own, 12);
        assertThat(twelve.get("graduationYear").asInt()).isEqualTo(2024);
        assertThat(twelve.get("graduates").asInt()).isEqualTo(18);
        assertThat(twelve.get("employed").asInt()).isEqualTo(15);
        assertThat(twelve.get("inSpecialty").asInt()).isEqualTo(9);
        assertThat(twelve.get("unemployed").asInt()).isEqualTo(2);
        assertThat(twelve.get("notObserved").asInt()).isEqualTo(1);
        // 15 of 17, 9 of 17 with Wilson intervals (9 of 17: 0.3096 … 0.7384)
        assertThat(twelve.get("employmentRate").get("estimate").asDouble()).isEqualTo(15.0 / 17);
        assertThat(twelve.get("inSpecialtyRate").get("estimate").asDouble()).isEqualTo(9.0 / 17);
        assertThat(twelve.get("inSpecialtyRate").get("low").asDouble()).isBetween(0.3091, 0.3101);
        assertThat(horizon(own, 6).get("continuingEducation").asInt()).isEqualTo(18);
        assertThat(horizon(own, 24).get("notObserved").asInt()).isEqualTo(18);

        String designer = key(fx, OrganisationKind.REGION, null, Role.CURRICULUM_DESIGNER);
        JsonNode outside = read(get("/api/reports/employment").param("college", fx.college())
                .header(API_KEY_HEADER, designer));
        assertThat(outside.get("suppression").asBoolean()).isTrue();
        JsonNode hidden = horizon(outside, 12);
        assertThat(hidden.get("graduates").asInt()).isEqualTo(18);
        assertThat(hidden.get("inSpecialty").asInt()).isEqualTo(9);
        assertThat(hidden.get("unemployed").isNull()).isTrue();
        assertThat(hidden.get("notObserved").isNull()).isTrue();
        assertThat(hidden.get("employed").isNull()).isTrue();
        assertThat(hidden.get("employmentRate").isNull()).isTrue();
        assertThat(hidden.get("suppressionReason").asString()).isEqualTo("SMALL_COUNTS");
        // and a college may not read another's
        mvc.perform(get("/api/reports/employment").param("college", "DEMO").header(API_KEY_HEADER, collegeKey))
                .andExpect(status().isNotFound());
    }

    @Test
    void exportsAsCsvAndXlsx() throws Exception {
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 5);
        String csv = mvc.perform(get("/api/reports/employment").param("college", fx.college()).param("format", "csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("# Трудоустройство выпускников: колледж " + fx.college())
                .contains("Доля по специальности");
        mvc.perform(get("/api/reports/employment").param("format", "xlsx").param("college", fx.college()))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .header().string("Content-Disposition", org.hamcrest.Matchers.containsString("employment.xlsx")));
        mvc.perform(get("/api/reports/employment").param("format", "pdf")).andExpect(status().isBadRequest());
    }

    private static JsonNode horizon(JsonNode report, int months) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("months").asInt() == months) {
                return r;
            }
        }
        throw new AssertionError("no row for " + months + " months");
    }

    private String key(OutcomeFixture fx, OrganisationKind kind, String college, Role role) {
        String org = ("org-" + role + "-" + fx.college()).toLowerCase(java.util.Locale.ROOT);
        keys.createOrganisation(org, "Организация " + org, kind, college);
        return keys.createKey(org, role, "outcomes test", null, null, null).secret();
    }
}
