package ru.workready.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gap reports on the demo data (09.02.07 of college DEMO mapped to 06.001) and on own fixtures. */
class GapReportApiTest extends ApiTest {
    static final String DEMO = "college=DEMO&fgos=09.02.07&year=2023&standard=06.001";

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StandardRepository standards;
    @Autowired
    MappingImportService mappingImport;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void uncoveredListsTheRelatedOnlyFunctionAndTheDLevelAsAboveLevel() throws Exception {
        JsonNode r = read(get("/api/reports/uncovered?" + DEMO));
        JsonNode a043 = find(r.get("functions"), "A/04.3");
        assertThat(a043.get("status").asString()).isEqualTo("RELATED_ONLY");
        assertThat(a043.get("relatedOutcomes").toString()).isEqualTo("[\"ОК 04\"]");
        assertThat(find(r.get("functions"), "C/01.5").get("status").asString()).isEqualTo("NOT_COVERED");
        assertThat(find(r.get("functions"), "A/01.3")).isNull();
        List<String> above = codes(r.get("aboveLevel"));
        assertThat(above).isNotEmpty().allMatch(c -> c.startsWith("D/"));
        assertThat(above).contains("D/01.6");
        assertThat(r.get("programmeLevel").asInt()).isEqualTo(5);
        JsonNode source = r.get("provenance").get("sources").get(0);
        assertThat(source.get("standardCode").asString()).isEqualTo("06.001");
        assertThat(source.get("orderNumber").asString()).isEqualTo("424н");
        assertThat(source.get("mappingVersion").asInt()).isEqualTo(1);
        assertThat(r.get("provenance").get("ruleSetVersions").toString()).isEqualTo("[\"default-1\"]");
        // an uncovered ТФ lists its labour actions, skills and knowledge as uncovered elements
        assertThat(a043.get("elements").size()).isGreaterThan(0);
        assertThat(a043.get("elements").get(0).get("status").asString()).isEqualTo("RELATED_ONLY");
    }

    @Test
    void theProgrammeCanBeChosenByIdOrByCollegeFgosAndYear() throws Exception {
        long id = demoProgrammeId();
        JsonNode byId = read(get("/api/reports/above-level?programme=" + id + "&standard=06.001"));
        JsonNode byCode = read(get("/api/reports/above-level?" + DEMO));
        assertThat(codes(byId.get("functions"))).isEqualTo(codes(byCode.get("functions"))).contains("D/01.6");
        assertThat(byId.get("provenance").get("programme").get("id").asLong()).isEqualTo(id);
    }

    @Test
    void coverageMatrixHoldsEveryMappingWithTypeAndWeight() throws Exception {
        JsonNode r = read(get("/api/reports/coverage?" + DEMO + "&elements=true"));
        assertThat(r.get("functions").size()).isEqualTo(16);
        assertThat(r.get("cells").size()).isEqualTo(14);
        JsonNode cell = null;
        for (JsonNode c : r.get("cells")) {
            if (c.get("functionCode").asString().equals("A/01.3") && c.get("outcomeCode").asString().equals("ПК 1.1")) {
                cell = c;
            }
        }
        assertThat(cell).isNotNull();
        assertThat(cell.get("type").asString()).isEqualTo("EXACT");
        assertThat(cell.get("weight").asDouble()).isEqualTo(1.0);
        assertThat(r.get("elements").size()).isGreaterThan(16);
        assertThat(find(r.get("functions"), "D/01.6").get("aboveProgrammeLevel").asBoolean()).isTrue();
    }

    @Test
    void orphansAreTheOutcomesServingNoFunction() throws Exception {
        List<String> orphans = codes(read(get("/api/reports/orphans?" + DEMO)).get("outcomes"));
        assertThat(orphans).contains("ОК 01", "ПК 2.1").doesNotContain("ОК 04", "ПК 1.1", "ПК 2.4");
    }

    @Test
    void cohortWeakSpotsComeFromTheStoredScores() throws Exception {
        JsonNode r = read(get("/api/reports/cohort?" + DEMO + "&limit=3"));
        assertThat(r.get("students").asInt()).isEqualTo(30);
        JsonNode weak = r.get("weakSpots");
        assertThat(weak.size()).isEqualTo(3);
        for (int i = 1; i < weak.size(); i++) {
            assertThat(weak.get(i).get("readyShare").asDouble()).isGreaterThanOrEqualTo(weak.get(i - 1).get("readyShare").asDouble());
        }
        assertThat(weak.get(0).get("weakestOutcomes").size()).isGreaterThan(0);
        assertThat(weak.get(0).get("weakestEvidenceKinds").size()).isGreaterThan(0);
        JsonNode d = find(r.get("functions"), "D/01.6");
        assertThat(d.get("readyShare").isNull()).isTrue();
        assertThat(d.get("levels").get("ABOVE_PROGRAMME_LEVEL").asInt()).isEqualTo(30);
        JsonNode a01 = find(r.get("functions"), "A/01.3");
        int total = 0;
        for (JsonNode n : a01.get("levels")) {
            total += n.asInt();
        }
        assertThat(total).isEqualTo(30);
        assertThat(r.get("provenance").get("ruleSetVersions").toString()).isEqualTo("[\"default-1\"]");
    }

    @Test
    void supplyVsDemandCountsTheProgrammesReadyGraduatesPerDeclaredNeed() throws Exception {
        JsonNode r = read(get("/api/reports/supply-demand?" + DEMO));
        assertThat(r.get("region").asString()).isEqualTo("Демо-регион");
        assertThat(r.get("graduationYear").asInt()).isEqualTo(2027);
        assertThat(r.get("graduates").asInt()).isEqualTo(30);
        JsonNode function = null;
        JsonNode qualification = null;
        for (JsonNode n : r.get("needs")) {
            if (n.get("kind").asString().equals("FUNCTION") && n.get("target").asString().equals("06.001 A/01.3")) {
                function = n;
            }
            if (n.get("kind").asString().equals("QUALIFICATION") && n.get("target").asString().equals("06.001 A")) {
                qualification = n;
            }
        }
        assertThat(function).isNotNull();
        assertThat(qualification).isNotNull();
        // the same READY count as the cohort report's A/01.3
        int ready = find(read(get("/api/reports/cohort?" + DEMO)).get("functions"), "A/01.3").get("levels")
                .get("READY").asInt();
        assertThat(function.get("ready").asInt()).isEqualTo(ready);
        assertThat(function.get("shortfall").asInt()).isEqualTo(Math.max(0, function.get("needed").asInt() - ready));
        // ready for the whole ОТФ A is never more than ready for one of its ТФ
        assertThat(qualification.get("ready").asInt()).isLessThanOrEqualTo(ready);
        byte[] xlsx = mvc.perform(get("/api/reports/supply-demand?" + DEMO + "&format=xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("Спрос и предложение").getPhysicalNumberOfRows()).isEqualTo(1 + r.get("needs").size());
        }
    }

    @Test
    void xlsxOpensAndHoldsTheProvenanceAndTheMatrix() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/reports/coverage?" + DEMO + "&format=xlsx"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ru.workready.api.downloads.Downloads.XLSX.toString()))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("coverage-09.02.07-2023.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("Сведения");
            assertThat(book.getSheet("Сведения").getRow(1).getCell(0).getStringCellValue())
                    .contains("06.001", "424н", "версия сопоставления 1");
            Sheet matrix = book.getSheet("Матрица");
            Row header = matrix.getRow(0);
            int pk11 = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if (header.getCell(c).getStringCellValue().equals("ПК 1.1")) {
                    pk11 = c;
                }
            }
            assertThat(pk11).isPositive();
            Row a013 = null;
            for (Row row : matrix) {
                if (row.getCell(1) != null && row.getCell(1).getStringCellValue().equals("A/01.3")) {
                    a013 = row;
                }
            }
            assertThat(a013).isNotNull();
            assertThat(a013.getCell(pk11).getStringCellValue()).isEqualTo("EXACT 1.0");
            assertThat(book.getSheet("Связи").getPhysicalNumberOfRows()).isEqualTo(15);
        }
        byte[] cohort = mvc.perform(get("/api/reports/cohort?" + DEMO + "&format=xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(cohort))) {
            assertThat(book.getSheet("Готовность когорты").getPhysicalNumberOfRows()).isEqualTo(17);
        }
    }

    @Test
    void csvIsUtf8WithBomProvenanceLinesAndSemicolons() throws Exception {
        byte[] csv = mvc.perform(get("/api/reports/uncovered?" + DEMO + "&format=csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF# Программа: 09.02.07");
        List<String> lines = text.lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("# Профстандарт: 06.001") && l.contains("424н"));
        assertThat(lines).anyMatch(l -> l.startsWith("Стандарт;Код ТФ;"));
        assertThat(lines).anyMatch(l -> l.startsWith("06.001;A/04.3;") && l.contains("ОК 04"));
        assertThat(lines).anyMatch(l -> l.startsWith("06.001;D/01.6;") && l.contains("выше уровня программы"));
    }

    @Test
    void comparingMappingVersionsShowsWhatAChangeFixedAndBroke() throws Exception {
        String college = "RPT-" + UUID.randomUUID().toString().substring(0, 8);
        long collegeId = programmes.insertCollege(college, "Колледж для отчётов", "Тест");
        long programmeId = programmes.insert(collegeId, new Programme("09.02.07", "Тестовая программа", "Программист", 4,
                2024, List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Формировать алгоритмы", "ВД 1"),
                        new Outcome("ПК 1.2", OutcomeKind.PROFESSIONAL, "Разрабатывать модули", "ВД 1"),
                        new Outcome("ОК 01", OutcomeKind.GENERAL, "Выбирать способы решения задач", null))));
        long standardId = standards.currentEdition("06.001").orElseThrow();
        mappingImport.importCsv(programmeId, standardId, "v1", """
                outcome_code,function_code,type,weight
                ПК 1.1,A/01.3,EXACT,1.0
                ОК 01,A/04.3,RELATED,0.3
                """.getBytes(StandardCharsets.UTF_8));
        mappingImport.importCsv(programmeId, standardId, "v2", """
                outcome_code,function_code,type,weight,critical
                ПК 1.1,A/01.3,RELATED,0.5,false
                ПК 1.2,A/04.3,EXACT,1.0,true
                """.getBytes(StandardCharsets.UTF_8));
        String q = "programme=" + programmeId + "&standard=06.001";
        JsonNode c = read(get("/api/reports/mapping-comparison?" + q + "&from=1&to=2"));
        assertThat(codes(c.get("fixed"))).containsExactly("A/04.3");
        assertThat(codes(c.get("broken"))).containsExactly("A/01.3");
        assertThat(c.get("orphansResolved").toString()).isEqualTo("[\"ПК 1.2\"]");
        assertThat(c.get("orphansIntroduced").toString()).isEqualTo("[\"ОК 01\"]");
        assertThat(c.get("mappingChanges").size()).isEqualTo(3);
        assertThat(c.get("provenance").get("sources").get(0).get("mappingVersion").asInt()).isEqualTo(1);
        assertThat(c.get("provenance").get("sources").get(1).get("mappingVersion").asInt()).isEqualTo(2);
        // the active (newest) version by default, an older one on request
        JsonNode now = read(get("/api/reports/uncovered?" + q));
        assertThat(find(now.get("functions"), "A/04.3")).isNull();
        assertThat(find(now.get("functions"), "A/01.3").get("status").asString()).isEqualTo("RELATED_ONLY");
        JsonNode then = read(get("/api/reports/uncovered?" + q + "&mappingVersion=1"));
        assertThat(find(then.get("functions"), "A/04.3").get("status").asString()).isEqualTo("RELATED_ONLY");
        assertThat(codes(now.get("aboveLevel"))).allMatch(code -> code.startsWith("C/") || code.startsWith("D/"));
        // a programme without students has an empty cohort, not an error
        JsonNode cohort = read(get("/api/reports/cohort?" + q));
        assertThat(cohort.get("students").asInt()).isZero();
        assertThat(cohort.get("weakSpots").size()).isZero();
        byte[] xlsx = mvc.perform(get("/api/reports/mapping-comparison?" + q + "&from=1&to=2&format=xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("Изменённые связи").getPhysicalNumberOfRows()).isEqualTo(4);
        }
    }

    @Test
    void badParametersAreProblemDetailsNamingTheField() throws Exception {
        problem(get("/api/reports/uncovered?" + DEMO + "&format=pdf"), 400, "invalid-report-parameter")
                .andExpect(jsonPath("$.problems[0].column").value("format"))
                .andExpect(jsonPath("$.problems[0].value").value("pdf"));
        problem(get("/api/reports/uncovered?standard=06.001"), 400, "invalid-report-parameter")
                .andExpect(jsonPath("$.problems.length()").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("college"));
        problem(get("/api/reports/uncovered?programme=abc"), 400, "invalid-parameter");
        problem(get("/api/reports/uncovered?programme=987654321"), 404, "not-found");
        problem(get("/api/reports/uncovered?college=DEMO&fgos=09.02.07&year=1999"), 404, "not-found");
        problem(get("/api/reports/uncovered?" + DEMO.replace("06.001", "99.999")), 404, "not-found");
        problem(get("/api/reports/coverage?" + DEMO + "&mappingVersion=42"), 404, "not-found");
        problem(get("/api/reports/cohort?" + DEMO + "&limit=-1"), 400, "invalid-report-parameter")
                .andExpect(jsonPath("$.problems[0].column").value("limit"));
        problem(get("/api/reports/mapping-comparison?" + DEMO + "&from=1"), 400, "http-400");
        problem(get("/api/reports/mapping-comparison?" + DEMO + "&from=1&to=x"), 400, "invalid-parameter");
        problem(get("/api/reports/mapping-comparison?" + DEMO.replaceAll("&?standard=[^&]*", "") + "&from=1&to=2"),
                400, "invalid-report-parameter").andExpect(jsonPath("$.problems[0].column").value("standard"));
        problem(get("/api/reports/coverage?college=DEMO&fgos=09.02.07&year=soon"), 400, "invalid-parameter")
                .andExpect(jsonPath("$.detail").value("Parameter 'year' has an invalid value"));
    }

    @Test
    void theOpenApiDocsKeepTheReportQueryParameters() throws Exception {
        JsonNode paths = read(get("/v3/api-docs")).get("paths");
        for (String report : List.of("coverage", "uncovered", "orphans", "above-level", "cohort", "supply-demand",
                "mapping-comparison")) {
            List<String> names = new java.util.ArrayList<>();
            paths.get("/api/reports/" + report).get("get").get("parameters").forEach(n -> names.add(n.get("name").asString()));
            assertThat(names).as(report).contains("programme", "college", "fgos", "year", "standard", "format")
                    .doesNotHaveDuplicates();
        }
        JsonNode employers = paths.get("/api/employers/{employer}/profiles/{profile}/readiness").get("get");
        List<String> names = new java.util.ArrayList<>();
        employers.get("parameters").forEach(n -> names.add(n.get("name").asString()));
        assertThat(names).contains("region", "college", "programme", "year");
    }

    @Test
    void thePageIsServed() throws Exception {
        mvc.perform(get("/reports")).andExpect(status().is3xxRedirection());
        String html = mvc.perform(get("/reports/index.html")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Матрица покрытия", "vendor/echarts-6.1.0.min.js");
        mvc.perform(get("/reports/vendor/echarts-6.1.0.min.js")).andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions problem(MockHttpServletRequestBuilder request, int status,
                                                                     String kind) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/" + kind));
    }

    private long demoProgrammeId() throws Exception {
        for (JsonNode p : read(get("/api/reports/programmes"))) {
            if (p.get("college").asString().equals("DEMO")) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no demo programme");
    }

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode find(JsonNode array, String code) {
        for (JsonNode n : array) {
            if (n.get("code").asString().equals(code)) {
                return n;
            }
        }
        return null;
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(n -> codes.add(n.get("code").asString()));
        return codes;
    }
}
