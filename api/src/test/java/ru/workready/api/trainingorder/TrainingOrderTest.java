package ru.workready.api.trainingorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training order on {@link OrderFixture}, every number recomputed by hand:
 * <ul>
 *   <li>ТФ A/02.3, 40 needed: A's READY share 6/8 = 0.75 and B's 2/5 = 0.4 (each college's own graduates at
 *       graduation); the intake graduating that year is the next one, assumed as large as the current (20 and 10):
 *       supply 20 × 0.75 + 10 × 0.4 = 15 + 4 = 19, gap 21. Weights 20 × 0.75 = 15 and 10 × 0.4 = 4: A would get
 *       21 / (15 × 0.75 + 4 × 0.4) × 15 = 24.5 places, but its limit 24 leaves 4 (3 graduates); the 18 graduates still
 *       lacking go to B: 18 / 0.4 = 45 places. 49 places in all.</li>
 *   <li>09.02.07, 10 needed: no graduate was READY for half of the ТФ the mapping covers (only A/02.3 was evidenced):
 *       A's 0 of 8 and B's 0 of 5 would tell each graduate's result (0 % of fewer than 10), so both use the region's
 *       0 of 13; supply 0, no place can close the gap: 10 unmet.</li>
 *   <li>35.02.01, 7 needed: no college trains it — uncovered, reported.</li>
 * </ul>
 */
class TrainingOrderTest extends ApiTest {
    private static OrderFixture fixture;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;
    @Autowired
    ApiKeyService keys;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void fixture() throws Exception {
        if (fixture == null) {
            fixture = OrderFixture.create(app);
            upload("/api/forecasts", fixture.forecastCsv()).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.rows").value(2));
            upload("/api/intake-capacities", fixture.capacityCsv()).andExpect(status().isCreated());
            upload("/api/top-region", fixture.topRegionCsv()).andExpect(status().isCreated());
        }
    }

    private org.springframework.test.web.servlet.ResultActions upload(String path, String csv) throws Exception {
        return mvc.perform(post(path).contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder order() {
        return get("/api/regions/{region}/training-order", fixture.region())
                .param("from", String.valueOf(fixture.needYear())).param("to", String.valueOf(fixture.needYear()));
    }

    private static JsonNode need(JsonNode order, String kind) {
        for (JsonNode n : order.get("needs")) {
            if (n.get("kind").asString().equals(kind)) {
                return n;
            }
        }
        throw new AssertionError("no need " + kind);
    }

    private static JsonNode of(JsonNode list, String college) {
        for (JsonNode n : list) {
            if (n.get("college").asString().equals(college)) {
                return n;
            }
        }
        throw new AssertionError("no row of " + college);
    }

    @Test
    void theGapOfALabourFunctionIsSplitWithinTheCollegesLimits() throws Exception {
        JsonNode order = read(order());
        assertThat(order.get("nextIntakeYear").asInt()).isEqualTo(fixture.nextIntake());
        JsonNode need = need(order, "FUNCTION");
        assertThat(need.get("label").asString()).startsWith("06.001 A/02.3");
        assertThat(need.get("demand").asInt()).isEqualTo(40);
        assertThat(need.get("demandRows").get(0).get("row").asString()).startsWith("labour_demand");
        JsonNode a = of(need.get("supply"), fixture.collegeA());
        assertThat(a.get("ready").get("value").asDouble()).isEqualTo(0.75);
        assertThat(a.get("ready").get("source").asString()).isEqualTo("COLLEGE");
        assertThat(a.get("ready").get("graduates").asInt()).isEqualTo(8);
        assertThat(a.get("employed").get("value").asDouble()).isEqualTo(1.0);
        assertThat(a.get("employed").get("source").asString()).isEqualTo("DEFAULT");
        assertThat(a.get("intakeYear").asInt()).isEqualTo(fixture.nextIntake());
        assertThat(a.get("assumedIntake").asBoolean()).isTrue();
        assertThat(a.get("students").asInt()).isEqualTo(20);
        assertThat(a.get("projected").asDouble()).isEqualTo(15.0);
        JsonNode b = of(need.get("supply"), fixture.collegeB());
        assertThat(b.get("ready").get("value").asDouble()).isEqualTo(0.4);
        assertThat(b.get("ready").get("graduates").asInt()).isEqualTo(5);
        assertThat(b.get("projected").asDouble()).isEqualTo(4.0);
        assertThat(need.get("projectedSupply").asDouble()).isEqualTo(19.0);
        assertThat(need.get("gap").asDouble()).isEqualTo(21.0);

        JsonNode placesA = of(need.get("allocations"), fixture.collegeA());
        assertThat(placesA.get("extraPlaces").asInt()).isEqualTo(4);
        assertThat(placesA.get("atCapacity").asBoolean()).isTrue();
        assertThat(placesA.get("capacity").asInt()).isEqualTo(24);
        assertThat(placesA.get("late").asBoolean()).isFalse();
        JsonNode placesB = of(need.get("allocations"), fixture.collegeB());
        assertThat(placesB.get("extraPlaces").asInt()).isEqualTo(45);
        assertThat(placesB.get("exactPlaces").asDouble()).isEqualTo(45.0);
        assertThat(need.get("extraPlaces").asInt()).isEqualTo(49);
        assertThat(need.get("unmetGraduates").asDouble()).isZero();
    }

    @Test
    void aSpecialtyWithoutReadyGraduatesAndOneNoCollegeTrainsAreReported() throws Exception {
        JsonNode order = read(order());
        JsonNode specialty = need(order, "SPECIALTY");
        assertThat(specialty.get("fgosCode").asString()).isEqualTo("09.02.07");
        assertThat(of(specialty.get("supply"), fixture.collegeA()).get("ready").get("value").asDouble()).isZero();
        // A's 0 of 8 (and B's 0 of 5) would tell each graduate's result: the region's 0 of 13 is used instead
        JsonNode ready = of(specialty.get("supply"), fixture.collegeA()).get("ready");
        assertThat(ready.get("source").asString()).isEqualTo("REGION");
        assertThat(ready.get("graduates").asInt()).isEqualTo(13);
        assertThat(ready.get("explanation").asString()).contains("would tell each graduate's result");
        assertThat(specialty.get("projectedSupply").asDouble()).isZero();
        assertThat(specialty.get("extraPlaces").asInt()).isZero();
        assertThat(specialty.get("unmetGraduates").asDouble()).isEqualTo(10.0);
        assertThat(order.get("uncovered")).hasSize(1);
        assertThat(order.get("uncovered").get(0).get("target").asString()).isEqualTo("35.02.01");
        assertThat(order.get("uncovered").get(0).get("demand").asInt()).isEqualTo(7);

        // the admissions: the largest ask of any need per college (the ТФ's), justified
        JsonNode admissions = order.get("admissions");
        assertThat(admissions).hasSize(2);
        JsonNode a = of(admissions, fixture.collegeA());
        assertThat(a.get("intakeYear").asInt()).isEqualTo(fixture.nextIntake());
        assertThat(a.get("currentIntake").asInt()).isEqualTo(20);
        assertThat(a.get("proposedIntake").asInt()).isEqualTo(24);
        assertThat(a.get("change").asInt()).isEqualTo(4);
        assertThat(a.get("justification").asString()).contains("предельная численность 24").contains("06.001 A/02.3");
        JsonNode b = of(admissions, fixture.collegeB());
        assertThat(b.get("proposedIntake").asInt()).isEqualTo(55);
        assertThat(b.get("change").asInt()).isEqualTo(45);
    }

    @Test
    void exportsHaveASheetPerIntakeYear() throws Exception {
        String csv = mvc.perform(order().param("format", "csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Предлагаемый приём").contains(fixture.collegeB() + ";")
                .contains("Не покрыто ни одной программой региона");
        byte[] xlsx = mvc.perform(order().param("format", "xlsx")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("Приём " + fixture.nextIntake());
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Предлагаемый приём");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheet("Потребности")).isNotNull();
        }
        mvc.perform(order().param("format", "pdf")).andExpect(status().isBadRequest());
    }

    @Test
    void theTopRegionListShowsWhoPreparesForEachEntry() throws Exception {
        JsonNode r = read(get("/api/regions/{region}/top-region", fixture.region())
                .param("year", String.valueOf(fixture.needYear())));
        assertThat(r.get("entries")).hasSize(2);
        assertThat(r.get("entries").get(0).get("entry").get("fgosCode").asString()).isEqualTo("09.02.07");
        assertThat(r.get("entries").get(0).get("colleges")).hasSize(2);
        assertThat(r.get("uncovered")).hasSize(1);
        assertThat(r.get("uncovered").get(0).get("fgosCode").asString()).isEqualTo("35.02.01");
    }

    @Test
    void aCollegeSeesItsOwnPartOnly() throws Exception {
        String org = "order-a-" + UUID.randomUUID().toString().substring(0, 8);
        keys.createOrganisation(org, "Колледж A", OrganisationKind.COLLEGE, fixture.collegeA());
        String key = keys.createKey(org, Role.COLLEGE, "t", null, null, null).secret();
        JsonNode order = read(order().header(API_KEY_HEADER, key));
        assertThat(order.get("college").asString()).isEqualTo(fixture.collegeA());
        JsonNode need = need(order, "FUNCTION");
        assertThat(need.get("projectedSupply").isNull()).isTrue();
        assertThat(need.get("gap").isNull()).isTrue();
        assertThat(need.get("supply")).hasSize(1);
        assertThat(need.get("allocations")).hasSize(1);
        assertThat(order.get("admissions")).hasSize(1);
        assertThat(order.get("admissions").get(0).get("college").asString()).isEqualTo(fixture.collegeA());
        JsonNode capacities = read(get("/api/intake-capacities").param("region", fixture.region())
                .header(API_KEY_HEADER, key));
        assertThat(capacities).hasSize(1);
        mvc.perform(post("/api/forecasts").header(API_KEY_HEADER, key).contentType("text/csv")
                .content(fixture.forecastCsv())).andExpect(status().isForbidden());
    }

    @Test
    void aBadForecastIsRefusedWholeWithEveryBadRow() throws Exception {
        String region = fixture.region();
        String y = String.valueOf(fixture.needYear());
        String csv = "region;year;fgos_code;count\n" + region + ";" + y + ";09.02.07;5\nNowhere-land;" + y
                + ";09.02.07;5\n" + region + ";" + y + ";9.2.7;5\n" + region + ";20x1;09.02.07;-3\n" + region + ";" + y
                + ";09.02.07;6\n";
        mvc.perform(post("/api/forecasts").contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(5))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("region"))
                .andExpect(jsonPath("$.problems[1].column").value("fgos_code"))
                .andExpect(jsonPath("$.problems[4].reason").value("the same region, year and specialty as row 2"));
        // the good first row was not stored either: the fixture's 10 stands
        JsonNode stored = read(get("/api/forecasts").param("region", region).param("from", y).param("to", y));
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("needed").asInt()).isEqualTo(10);
        mvc.perform(post("/api/forecasts").contentType("text/csv").content("region;year\nx;2031\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].column").value("fgos_code"));
    }

    @Test
    void aForecastFileMayCarryLabourFunctionsToo() throws Exception {
        String y = String.valueOf(fixture.needYear() + 1);
        String region = fixture.region();
        String bad = "region;year;fgos_code;standard_code;function_code;count\n" + region + ";" + y + ";09.02.07;;;12\n"
                + region + ";" + y + ";;06.001;Z/99.9;3\n" + region + ";" + y + ";;06.001;A/02.3;x\n";
        mvc.perform(post("/api/forecasts").contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(2))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("function_code"))
                .andExpect(jsonPath("$.problems[1].row").value(4))
                .andExpect(jsonPath("$.problems[1].column").value("count"));
        assertThat(read(get("/api/forecasts").param("region", region).param("from", y).param("to", y))).isEmpty();
        assertThat(read(get("/api/demand").param("region", region).param("year", y))).isEmpty();

        String good = bad.replace(";Z/99.9;", ";A/01.3;").replace(";x\n", ";9\n");
        mvc.perform(post("/api/forecasts").contentType("text/csv").content(good)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(3));
        assertThat(read(get("/api/demand").param("region", region).param("year", y))).hasSize(2);
        JsonNode order = read(get("/api/regions/{region}/training-order", region).param("from", y).param("to", y));
        assertThat(order.get("needs")).hasSize(3);
    }

    @Test
    void capacitiesComeAsSpreadsheetsToo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Мощности");
            String[][] cells = {{"college", "fgos_code", "places"}, {fixture.collegeB(), "09.02.07", "60"},
                    {"NO-SUCH-COLLEGE", "09.02.07", "10"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            book.write(out);
        }
        mvc.perform(post("/api/intake-capacities")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .content(out.toByteArray()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("college"));
        assertThat(read(get("/api/intake-capacities").param("region", fixture.region()))).hasSize(1);
    }

    @Test
    void theDemoRegionsOrderRespectsTheDemoCollegesLimit() throws Exception {
        int shift = ru.workready.api.demo.DemoCalendar.of(app.getBean(java.time.Clock.class)).shiftYears();
        JsonNode order = read(get("/api/regions/DEMO/training-order").param("from", String.valueOf(2027 + shift))
                .param("to", String.valueOf(2031 + shift)));
        assertThat(order.get("region").asString()).isEqualTo("Демо-регион");
        assertThat(order.get("needs").size()).isGreaterThanOrEqualTo(6);
        assertThat(order.get("uncovered").get(0).get("target").asString()).isEqualTo("35.02.01");
        for (JsonNode a : order.get("admissions")) {
            // DEMO admits 30 (limit 40), DEMO2 18 (limit 20): DemoTrainingOrderTest checks the numbers
            boolean demo = a.get("college").asString().equals("DEMO");
            assertThat(a.get("college").asString()).isIn("DEMO", "DEMO2");
            assertThat(a.get("currentIntake").asInt()).isEqualTo(demo ? 30 : 18);
            assertThat(a.get("capacity").asInt()).isEqualTo(demo ? 40 : 20);
            assertThat(a.get("proposedIntake").asInt()).isBetween(demo ? 30 : 18, demo ? 40 : 20);
        }
        assertThat(order.get("admissions")).isNotEmpty();
    }

    @Test
    void yearsAlreadyGraduatedAreRefused() throws Exception {
        mvc.perform(get("/api/regions/{region}/training-order", fixture.region()).param("from", "2000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].column").value("from"));
        mvc.perform(get("/api/regions/{region}/training-order", "No-such-region")).andExpect(status().isNotFound());
    }
}
