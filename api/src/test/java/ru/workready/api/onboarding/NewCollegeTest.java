package ru.workready.api.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * README, "Your college in ten minutes": from an empty database with the demo off, through the API only and with the
 * files of docs/examples — the documented path is the tested one. A college and its organisation and keys, a standard
 * from the Ministry's XML, the programme, the mapping, the roster, the results, a student's readiness and the
 * uncovered report.
 */
@SpringBootTest(properties = {"workready.admin-key=" + ApiTest.ADMIN_KEY, "workready.demo.enabled=false"})
class NewCollegeTest {
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private static final Path STANDARDS = Path.of("..", "data", "src", "main", "resources", "reference", "standards");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
    }

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String key) throws Exception {
        return mvc.perform(request.header(ApiTest.API_KEY_HEADER, key));
    }

    private JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static byte[] example(String name) throws Exception {
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }

    @Test
    void aCollegeFromAnEmptyDatabaseToReadinessThroughTheApiOnly() throws Exception {
        String admin = ApiTest.ADMIN_KEY;
        // nothing there: no demo college, no standards
        assertThat(body(send(get("/api/colleges"), admin).andExpect(status().isOk()))).isEmpty();
        assertThat(body(send(get("/api/standards"), admin).andExpect(status().isOk()))).isEmpty();

        // 1. the standard, as the Ministry publishes it
        send(post("/api/standards").contentType("application/xml")
                .content(Files.readAllBytes(STANDARDS.resolve("06.001-programmist.xml"))), admin)
                .andExpect(status().isCreated());
        // 2. the college with its organisation, then its keys
        send(post("/api/colleges").contentType("application/json").content("""
                {"code": "SPK", "name": "Ставропольский политехнический колледж", "region": "26",
                 "organisation": {"code": "spk"}}"""), admin).andExpect(status().isCreated());
        String registrar = body(send(post("/api/organisations/spk/keys").contentType("application/json")
                .content("{\"role\": \"COLLEGE\", \"name\": \"registrar\"}"), admin)
                .andExpect(status().isCreated())).get("key").asString();
        String methodologist = body(send(post("/api/organisations/spk/keys").contentType("application/json")
                .content("{\"role\": \"CURRICULUM_DESIGNER\", \"name\": \"methodologist\"}"), admin)
                .andExpect(status().isCreated())).get("key").asString();
        // 3. the programme (the college's key)
        long programme = body(send(post("/api/colleges/SPK/programmes").contentType("application/json")
                .content(example("programme-09.02.07.json")), registrar).andExpect(status().isCreated()))
                .get("id").asLong();
        // 4. its mapping to the standard (the methodologist's key)
        send(post("/api/programmes/" + programme + "/mapping-sets").param("standardCode", "06.001")
                .param("author", "methodologist").contentType("text/csv").content(example("mapping-06.001.csv")),
                methodologist).andExpect(status().isCreated());
        // 5. the roster and 6. the results
        send(post("/api/colleges/SPK/students").contentType("text/csv").content(example("roster.csv")), registrar)
                .andExpect(status().is2xxSuccessful());
        JsonNode upload = body(send(post("/api/colleges/SPK/assessments").contentType("text/csv")
                .content(example("results.csv")), registrar).andExpect(status().is2xxSuccessful()));
        assertThat(upload.get("rows").asInt()).isEqualTo(216);
        // 7. a student's readiness
        JsonNode readiness = body(send(get("/api/students/SPK-001/readiness").param("standard", "06.001"), registrar)
                .andExpect(status().isOk()));
        assertThat(readiness.get("functions")).hasSize(16);
        assertThat(readiness.get("functions").get(0).get("code").asString()).isEqualTo("A/01.3");
        assertThat(readiness.get("functions").get(0).get("level").asString())
                .isIn("READY", "PARTIALLY_READY", "NOT_READY");
        // 8. what the curriculum does not cover
        JsonNode uncovered = body(send(get("/api/reports/uncovered").param("college", "SPK").param("fgos", "09.02.07")
                .param("year", "2025").param("standard", "06.001"), methodologist).andExpect(status().isOk()));
        assertThat(uncovered.toString()).contains("C/01.5").contains("NOT_COVERED");
        // the registry counts its students
        assertThat(body(send(get("/api/colleges/SPK"), registrar).andExpect(status().isOk())).get("students").asInt())
                .isEqualTo(6);
    }

    @Test
    void aProgrammeComesFromAWorkbookToo() throws Exception {
        String admin = ApiTest.ADMIN_KEY;
        send(post("/api/colleges").contentType("application/json").content("""
                {"code": "XLSX-COLLEGE", "name": "Колледж таблиц", "region": "77"}"""), admin)
                .andExpect(status().isCreated());
        // the CSV variant (as exported) on the first sheet of a workbook
        byte[] csv = send(post("/api/colleges/XLSX-COLLEGE/programmes").contentType("application/json")
                .content(example("programme-09.02.07.json")), admin).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsByteArray();
        long id = json.readTree(csv).get("id").asLong();
        String exported = send(get("/api/programmes/" + id + "/csv"), admin).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        byte[] workbook = workbook(exported.replace("\uFEFF", "").replace("2025", "2026"));
        JsonNode imported = body(send(post("/api/colleges/XLSX-COLLEGE/programmes")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").content(workbook), admin)
                .andExpect(status().isCreated()));
        assertThat(imported.get("intakeYear").asInt()).isEqualTo(2026);
        // a broken workbook is a 400 problem naming the row
        byte[] broken = workbook("kind;code;name\nPROGRAMME;09.02.07;\n");
        send(post("/api/colleges/XLSX-COLLEGE/programmes")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").content(broken), admin)
                .andExpect(status().isBadRequest());
        send(post("/api/colleges/XLSX-COLLEGE/programmes")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .content("not a workbook".getBytes(StandardCharsets.UTF_8)), admin)
                .andExpect(status().isBadRequest());
    }

    /** A workbook whose first sheet holds the ;-separated text's cells. */
    private static byte[] workbook(String text) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Программа");
            String[] lines = text.split("\r?\n");
            for (int r = 0; r < lines.length; r++) {
                String[] cells = lines[r].split(";", -1);
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c].replaceAll("^\"|\"$", "").replace("\"\"", "\""));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
