package ru.workready.api.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Programme files and mapping sets over HTTP, on a college of the test's own. */
class ProgrammeAndMappingApiTest extends ApiTest {
    private static final String PROGRAMME = """
            {"fgosCode": "09.02.07", "name": "Информационные системы и программирование",
             "qualification": "Программист", "qualificationLevel": 5, "intakeYear": 2025,
             "activities": [{"code": "ВД 1", "moduleCode": "ПМ.01", "name": "Разработка модулей"}],
             "outcomes": [
               {"code": "ПК 1.1", "kind": "PROFESSIONAL", "name": "Формировать алгоритмы", "activityCode": "ВД 1"},
               {"code": "ПК 1.1 У1", "kind": "SKILL", "name": "Разрабатывать алгоритмы", "activityCode": "ВД 1", "parentCode": "ПК 1.1"},
               {"code": "ОК 01", "kind": "GENERAL", "name": "Выбирать способы решения задач"}]}
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    String college;

    @BeforeEach
    void college() {
        college = "T4-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into college (code, name, region) values (?, 'Тестовый колледж', 'Тест')").param(college).update();
    }

    @Test
    void aProgrammeVersionImportsOnceAndExportsAsItCame() throws Exception {
        JsonNode created = upload(PROGRAMME, "application/json", 201);
        long id = created.get("id").asLong();
        assertThat(created.get("outcomes").asInt()).isEqualTo(3);

        assertThat(upload(PROGRAMME, "application/json", 200).get("status").asString()).isEqualTo("UNCHANGED");
        mvc.perform(post("/api/colleges/" + college + "/programmes").contentType("application/json")
                        .content(PROGRAMME.replace("Формировать", "Строить")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/programme-version-conflict"));

        String exported = mvc.perform(get("/api/programmes/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$['$schema']").value("https://workready.ru/schemas/programme-1.json"))
                .andExpect(jsonPath("$.outcomes[1].parentCode").value("ПК 1.1"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String csv = mvc.perform(get("/api/programmes/" + id + "/csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("PROGRAMME;09.02.07;Информационные системы и программирование;;;;Программист;5;2025");

        // the next intake from the CSV variant is a new version beside the first
        JsonNode next = upload(csv.replace(";5;2025", ";5;2026"), "text/csv", 201);
        assertThat(next.get("intakeYear").asInt()).isEqualTo(2026);
        mvc.perform(get("/api/programmes").param("college", college))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[0].intakeYear").value(2026));
        mvc.perform(get("/api/programmes").param("q", "программированию").param("college", college))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/programmes/" + id + "/outcomes").param("q", "алгоритмов"))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[1].parentCode").value("ПК 1.1"));
        mvc.perform(get("/api/programmes/" + id + "/outcomes").param("q", "ок1"))
                .andExpect(jsonPath("$[0].code").value("ОК 01"));
        JsonNode outcomes = json.readTree(exported).get("outcomes");
        assertThat(outcomes.size()).isEqualTo(3);
        assertThat(outcomes.get(1).get("code").asString()).isEqualTo("ПК 1.1 У1");
    }

    @Test
    void badProgrammesGetProblemDetailsListingEveryProblem() throws Exception {
        mvc.perform(post("/api/colleges/" + college + "/programmes").contentType("application/json")
                        .content(PROGRAMME.replace("\"09.02.07\"", "\"9.2.7\"").replace("\"SKILL\"", "\"УМЕНИЕ\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-programme"))
                .andExpect(jsonPath("$.problemCount").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("/fgosCode"))
                .andExpect(jsonPath("$.problems[1].column").value("/outcomes/1/kind"));
        mvc.perform(post("/api/colleges/" + college + "/programmes").contentType("application/json").content("{"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/colleges/NO-SUCH-COLLEGE/programmes").contentType("application/json").content(PROGRAMME))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/programmes/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void theSchemaIsServed() throws Exception {
        mvc.perform(get("/api/programmes/schema"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/schema+json")))
                .andExpect(jsonPath("$['$id']").value("https://workready.ru/schemas/programme-1.json"))
                .andExpect(jsonPath("$.required[0]").value("fgosCode"));
    }

    @Test
    void mappingSetsUploadVersionBrowseAndExport() throws Exception {
        long programme = upload(PROGRAMME, "application/json", 201).get("id").asLong();
        String csv = """
                outcome_code;function_code;element;type;weight;critical
                ПК 1.1;A/01.3;;EXACT;1;true
                ПК 1.1 У1;A/01.3;RS1;PART_OF;0.5;false
                ОК 01;A/02.3;;RELATED;0.3;
                """;
        String set = mvc.perform(post("/api/programmes/" + programme + "/mapping-sets").param("standardCode", "06.001")
                        .param("author", "методист").contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.mappings").value(3))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long setId = json.readTree(set).get("mappingSetId").asLong();
        mvc.perform(post("/api/programmes/" + programme + "/mapping-sets").param("standardCode", "06.001")
                        .param("author", "другой").contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNCHANGED"));

        mvc.perform(get("/api/programmes/" + programme + "/mapping-sets"))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].author").value("методист"))
                .andExpect(jsonPath("$[0].standardOrderNumber").value("424н"))
                .andExpect(jsonPath("$[0].createdAt").isString());
        mvc.perform(get("/api/mapping-sets/" + setId + "/mappings").param("q", "ПК 1.1"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].elementKey").value("RS1"));
        mvc.perform(get("/api/mapping-sets/" + setId + "/mappings").param("size", "1"))
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(header().string("Link", containsString("page=1")));
        mvc.perform(get("/api/mapping-sets/" + setId + "/csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ПК 1.1 У1;A/01.3;RS1;PART_OF;0.5;false")));
    }

    @Test
    void badMappingFilesAndParametersGetProblemDetails() throws Exception {
        long programme = upload(PROGRAMME, "application/json", 201).get("id").asLong();
        mvc.perform(post("/api/programmes/" + programme + "/mapping-sets").param("standardCode", "06.001")
                        .param("author", "м").contentType("text/csv")
                        .content("outcome_code,function_code,type,weight\nПК 9.9,A/01.3,RELATED,0.9\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-mapping"))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("outcome_code"))
                .andExpect(jsonPath("$.problems[1].column").value("weight"));
        mvc.perform(post("/api/programmes/" + programme + "/mapping-sets").param("author", "м").contentType("text/csv")
                        .content("x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-parameter"));
        mvc.perform(post("/api/programmes/" + programme + "/mapping-sets").param("standardCode", "06.001")
                        .contentType("text/csv").content("x"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/programmes/999999999/mapping-sets").param("standardCode", "06.001").param("author", "м")
                        .contentType("text/csv").content("x"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/mapping-sets/999999999/mappings")).andExpect(status().isNotFound());
    }

    private JsonNode upload(String body, String type, int expected) throws Exception {
        String answer = mvc.perform(post("/api/colleges/" + college + "/programmes").contentType(type)
                        .content(body.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(expected))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(answer);
    }
}
