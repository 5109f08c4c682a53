package ru.workready.api.expertise;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A college of its own (so that the demo's mapping stays as other tests read it) with the example programme, its
 * mapping to 06.001 and the example roster and results; two employers asked as experts, a third employer and a
 * region that are not asked; keys for each. Made through the API, with unique codes per instance.
 */
final class ExpertiseFixture {
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String college = "EXP" + run;
    final String employer1 = "exp-emp1-" + run;
    final String employer2 = "exp-emp2-" + run;
    final String employer3 = "exp-emp3-" + run;
    final String region = "exp-region-" + run;
    final String collegeKey;
    final String designerKey;
    final String otherCollegeKey;
    final String expert1Key;
    final String expert2Key;
    final String outsiderKey;
    final String regionKey;
    final long programme;
    final long mappingSet;
    private final MockMvc mvc;

    ExpertiseFixture(MockMvc mvc) throws Exception {
        this.mvc = mvc;
        admin(post("/api/colleges").contentType("application/json").content("{\"code\":\"" + college
                + "\",\"name\":\"Колледж экспертизы " + run + "\",\"region\":\"26\",\"organisation\":{\"code\":\""
                + college.toLowerCase() + "\"}}")).andExpect(status().isCreated());
        collegeKey = key(college.toLowerCase(), "COLLEGE");
        designerKey = key(college.toLowerCase(), "CURRICULUM_DESIGNER");
        admin(post("/api/colleges").contentType("application/json").content("{\"code\":\"" + college
                + "X\",\"name\":\"Другой колледж " + run + "\",\"region\":\"26\",\"organisation\":{\"code\":\""
                + college.toLowerCase() + "x\"}}")).andExpect(status().isCreated());
        otherCollegeKey = key(college.toLowerCase() + "x", "COLLEGE");
        organisation(employer1, "ООО «Софт-Ставрополь» " + run, "EMPLOYER");
        organisation(employer2, "АО «Ставропольские системы» " + run, "EMPLOYER");
        organisation(employer3, "ООО «Посторонний» " + run, "EMPLOYER");
        organisation(region, "Минобразования края " + run, "REGION");
        expert1Key = key(employer1, "EMPLOYER");
        expert2Key = key(employer2, "EMPLOYER");
        outsiderKey = key(employer3, "EMPLOYER");
        regionKey = key(region, "CURRICULUM_DESIGNER");
        programme = body(send(post("/api/colleges/" + college + "/programmes").contentType("application/json")
                .content(example("programme-09.02.07.json")), collegeKey).andExpect(status().isCreated()))
                .get("id").asLong();
        mappingSet = body(send(post("/api/programmes/" + programme + "/mapping-sets").param("standardCode", "06.001")
                .param("author", "методист").contentType("text/csv").content(example("mapping-06.001.csv")),
                designerKey).andExpect(status().isCreated())).get("mappingSetId").asLong();
        send(post("/api/colleges/" + college + "/students").contentType("text/csv")
                .content(ours("roster.csv")), collegeKey).andExpect(status().is2xxSuccessful());
        send(post("/api/colleges/" + college + "/assessments").contentType("text/csv")
                .content(ours("results.csv")), collegeKey).andExpect(status().is2xxSuccessful());
    }

    String student() {
        return college + "-001";
    }

    private byte[] ours(String file) throws Exception {
        return new String(example(file), StandardCharsets.UTF_8).replace("SPK-", college + "-")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void organisation(String code, String name, String kind) throws Exception {
        admin(post("/api/organisations").contentType("application/json").content("{\"code\":\"" + code
                + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}")).andExpect(status().isCreated());
    }

    private String key(String organisation, String role) throws Exception {
        return body(admin(post("/api/organisations/" + organisation + "/keys").contentType("application/json")
                .content("{\"role\":\"" + role + "\",\"name\":\"expertise test\"}")).andExpect(status().isCreated()))
                .get("key").asString();
    }

    ResultActions send(MockHttpServletRequestBuilder request, String key) throws Exception {
        return mvc.perform(request.header(ApiTest.API_KEY_HEADER, key));
    }

    private ResultActions admin(MockHttpServletRequestBuilder request) throws Exception {
        return send(request, ApiTest.ADMIN_KEY);
    }

    static JsonNode body(ResultActions r) throws Exception {
        return JSON.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static byte[] example(String name) throws Exception {
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }
}
