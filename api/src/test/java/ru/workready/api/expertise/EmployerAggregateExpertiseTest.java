package ru.workready.api.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.workready.api.expertise.ExpertiseFixture.body;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Employer aggregates and expertise: each cell says whether its programme's mapping passed expertise (when, by whom),
 * and {@code expertise=passed} keeps only the students of programmes whose mapping passed — before suppression, so
 * the totals are the published cells' sums — in the stored-score aggregate and in the as-of one alike.
 */
class EmployerAggregateExpertiseTest extends ApiTest {
    @Autowired
    MockMvc mvc;

    @Test
    void cellsCarryTheStatementAndTheFilterKeepsPassedProgrammesOnly() throws Exception {
        ExpertiseFixture passed = new ExpertiseFixture(mvc);
        ExpertiseFixture notPassed = new ExpertiseFixture(mvc);
        approve(passed);

        for (String asOf : new String[] {null, TestClock.today().minusDays(1).toString()}) {
            Map<String, JsonNode> all = cells(aggregate(passed, null, asOf));
            assertThat(all).containsKeys(passed.college, notPassed.college);
            JsonNode statement = all.get(passed.college).get("mappingExpertise").get(0);
            assertThat(statement.get("standard").asString()).isEqualTo("06.001");
            assertThat(statement.get("outcome").asString()).isEqualTo("PASSED");
            assertThat(statement.get("passed").asBoolean()).isTrue();
            assertThat(statement.get("concludedAt").asString()).isNotBlank();
            assertThat(statement.get("experts").toString()).contains("Софт-Ставрополь");
            assertThat(all.get(notPassed.college).get("mappingExpertise").get(0).get("outcome").asString())
                    .isEqualTo("NOT_SUBMITTED");

            JsonNode filtered = aggregate(passed, "passed", asOf);
            assertThat(filtered.get("expertise").asString()).isEqualTo("passed");
            Map<String, JsonNode> only = cells(filtered);
            assertThat(only).containsKey(passed.college).doesNotContainKey(notPassed.college);
            only.values().forEach(c -> assertThat(c.get("mappingExpertise").get(0).get("passed").asBoolean()).isTrue());
            long published = 0;
            for (JsonNode c : filtered.get("cells")) {
                published += c.get("suppressed").asBoolean() ? 0 : c.get("students").asLong();
            }
            assertThat(filtered.get("totals").get("students").asLong()).isEqualTo(published);
        }
        passed.send(get("/api/functions/readiness").param("standard", "06.001").param("function", "A/01.3")
                .param("expertise", "maybe"), passed.expert1Key).andExpect(status().isBadRequest());
    }

    /** Both experts agree with every row and submit: the version passed. */
    private static void approve(ExpertiseFixture f) throws Exception {
        long id = body(f.send(post("/api/mapping-sets/" + f.mappingSet + "/expertises").contentType("application/json")
                .content("{\"experts\":[\"" + f.employer1 + "\",\"" + f.employer2 + "\"],\"deadline\":\""
                        + TestClock.today().plusDays(14) + "\"}"), f.collegeKey).andExpect(status().isCreated()))
                .get("id").asLong();
        for (String key : new String[] {f.expert1Key, f.expert2Key}) {
            for (JsonNode r : body(f.send(get("/api/expertises/" + id + "/rows"), key))) {
                f.send(put("/api/expertises/" + id + "/rows/" + r.get("row").get("mappingId").asLong() + "/decision")
                        .contentType("application/json").content("{\"verdict\":\"AGREE\"}"), key)
                        .andExpect(status().isOk());
            }
            f.send(post("/api/expertises/" + id + "/submit"), key).andExpect(status().isOk());
        }
    }

    private static JsonNode aggregate(ExpertiseFixture f, String expertise, String asOf) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/functions/readiness").param("standard", "06.001")
                .param("function", "A/01.3").param("region", "26");
        if (expertise != null) {
            request.param("expertise", expertise);
        }
        if (asOf != null) {
            request.param("asOf", asOf);
        }
        return body(f.send(request, f.expert1Key).andExpect(status().isOk()));
    }

    private static Map<String, JsonNode> cells(JsonNode aggregate) {
        Map<String, JsonNode> out = new HashMap<>();
        aggregate.get("cells").forEach(c -> out.put(c.get("college").asString(), c));
        return out;
    }
}
