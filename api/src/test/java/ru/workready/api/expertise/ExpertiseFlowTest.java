package ru.workready.api.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.workready.api.expertise.ExpertiseFixture.body;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21's full-stack test: submit → two experts review (one agrees, one disputes a row and proposes a weight) →
 * conclusion → the college accepts the proposal → a new mapping version → readiness says it passed expertise. With
 * the tenancy of every step: an expert sees only what it was asked to review, a college only its own.
 */
class ExpertiseFlowTest extends ApiTest {
    @Autowired
    MockMvc mvc;

    @Test
    void submitReviewConcludeAcceptAndReadinessSaysItPassed() throws Exception {
        ExpertiseFixture f = new ExpertiseFixture(mvc);
        assertThat(readiness(f).get("mappingExpertise").get("outcome").asString()).isEqualTo("NOT_SUBMITTED");

        // the college submits version 1, asking two employers
        JsonNode submitted = body(f.send(post("/api/mapping-sets/" + f.mappingSet + "/expertises")
                .contentType("application/json").content("{\"experts\":[\"" + f.employer1 + "\",\"" + f.employer2
                        + "\"],\"deadline\":\"" + TestClock.today().plusDays(14) + "\"}"), f.collegeKey)
                .andExpect(status().isCreated()));
        long id = submitted.get("id").asLong();
        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(readiness(f).get("mappingExpertise").get("outcome").asString()).isEqualTo("IN_REVIEW");
        tenancy(f, id);

        // expert 1 reads the rows with their texts and agrees with every one
        JsonNode rows = body(f.send(get("/api/expertises/" + id + "/rows"), f.expert1Key).andExpect(status().isOk()));
        assertThat(rows).hasSize(14);
        assertThat(rows.get(0).get("row").get("functionName").asString()).isNotBlank();
        assertThat(rows.get(0).get("row").get("outcomeName").asString()).isNotBlank();
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get("row").get("mappingId").asLong()));
        long disputed = -1;
        for (JsonNode r : rows) {
            if (r.get("row").get("functionCode").asString().equals("A/03.3")) {
                disputed = r.get("row").get("mappingId").asLong();
            }
        }
        for (long m : ids) {
            decide(f, f.expert1Key, id, m, "{\"verdict\":\"AGREE\"}");
        }
        f.send(post("/api/expertises/" + id + "/submit"), f.expert1Key).andExpect(status().isOk());
        decide(f, f.expert1Key, id, ids.get(0), "{\"verdict\":\"AGREE\"}", 409);

        // expert 2 agrees with all but A/03.3: first disagrees, then changes its mind to a weight proposal
        for (long m : ids) {
            if (m != disputed) {
                decide(f, f.expert2Key, id, m, "{\"verdict\":\"AGREE\"}");
            }
        }
        decide(f, f.expert2Key, id, disputed, "{\"verdict\":\"DISAGREE\"}", 400);
        decide(f, f.expert2Key, id, disputed, "{\"verdict\":\"DISAGREE\",\"comment\":\"мало\"}");
        assertThat(body(f.send(get("/api/expertises/" + id + "/rows").param("filter", "disputed"), f.expert2Key)))
                .hasSize(1);
        decide(f, f.expert2Key, id, disputed,
                "{\"verdict\":\"PROPOSE\",\"weight\":0.8,\"comment\":\"тестирование модулей — основная часть ТФ\"}");
        long comment = body(f.send(post("/api/expertises/" + id + "/proposals").contentType("application/json")
                .content("{\"kind\":\"UNCOVERED_FUNCTION\",\"functionCode\":\"C/01.5\",\"comment\":\"нужна\"}"),
                f.expert2Key).andExpect(status().isCreated())).get("id").asLong();
        // an expert cannot read the others' decisions before the end
        f.send(get("/api/expertises/" + id + "/conclusion"), f.expert2Key).andExpect(status().isConflict());
        JsonNode ended = body(f.send(post("/api/expertises/" + id + "/submit"), f.expert2Key)
                .andExpect(status().isOk()));
        assertThat(ended.get("status").asString()).isEqualTo("CONCLUDED");

        // the conclusion: one row with a change proposed, the rest approved
        JsonNode conclusion = body(f.send(get("/api/expertises/" + id + "/conclusion"), f.expert1Key)
                .andExpect(status().isOk()));
        assertThat(conclusion.get("fin").asBoolean()).isTrue();
        assertThat(conclusion.get("set").asString()).isEqualTo("CHANGES_PROPOSED");
        long proposed = 0;
        for (JsonNode r : conclusion.get("rows")) {
            boolean isDisputed = r.get("row").get("mappingId").asLong() == disputed;
            assertThat(r.get("conclusion").asString()).isEqualTo(isDisputed ? "CHANGES_PROPOSED" : "APPROVED");
            proposed += r.get("propose").asLong();
        }
        assertThat(proposed).isEqualTo(1);
        byte[] xlsx = f.send(get("/api/expertises/" + id + "/conclusion").param("format", "xlsx"), f.collegeKey)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("Сведения").getRow(0).getCell(0).getStringCellValue())
                    .contains("ЭКСПЕРТНОЕ ЗАКЛЮЧЕНИЕ");
            assertThat(book.getSheet("Заключение").getPhysicalNumberOfRows()).isEqualTo(15);
        }

        // the college answers: an incomplete answer stores nothing; then it accepts the weight and replies
        f.send(post("/api/expertises/" + id + "/answer").contentType("application/json")
                .content("{\"author\":\"методист\",\"reason\":\"по итогам экспертизы\"}"), f.collegeKey)
                .andExpect(status().isBadRequest());
        JsonNode answered = body(f.send(post("/api/expertises/" + id + "/answer").contentType("application/json")
                .content("{\"author\":\"методист\",\"reason\":\"по итогам экспертизы\",\"rows\":[{\"mappingId\":"
                        + disputed + ",\"action\":\"ACCEPT\",\"reply\":\"принято\"}],\"proposals\":[{\"proposalId\":"
                        + comment + ",\"action\":\"KEEP\",\"reply\":\"ТФ уровня 5, вне программы\"}]}"),
                f.collegeKey).andExpect(status().isOk()));
        assertThat(answered.get("newVersion").asInt()).isEqualTo(2);
        long next = answered.get("newMappingSetId").asLong();
        JsonNode set = body(f.send(get("/api/mapping-sets/" + next), f.collegeKey).andExpect(status().isOk()));
        assertThat(set.get("active").asBoolean()).isTrue();
        JsonNode nextRows = body(f.send(get("/api/mapping-sets/" + next + "/mappings").param("q", "A/03.3"),
                f.collegeKey));
        assertThat(nextRows.get(0).get("weight").asDouble()).isEqualTo(0.8);

        // readiness is computed on version 2, and says that version passed expertise, when and by whom
        JsonNode r = readiness(f);
        assertThat(r.get("mappingVersion").asInt()).isEqualTo(2);
        JsonNode statement = r.get("mappingExpertise");
        assertThat(statement.get("passed").asBoolean()).isTrue();
        assertThat(statement.get("outcome").asString()).isEqualTo("PASSED_WITH_ACCEPTED_CHANGES");
        assertThat(statement.get("concludedAt").asString()).isNotBlank();
        assertThat(statement.get("experts").toString()).contains("Софт-Ставрополь").contains("Ставропольские системы");
        assertThat(statement.get("disputedRows").toString()).contains("A/03.3").contains("ACCEPT");
        f.send(post("/api/expertises/" + id + "/answer").contentType("application/json")
                .content("{\"reason\":\"ещё раз\"}"), f.collegeKey).andExpect(status().isConflict());
        reports(f);
    }

    /** The reports' provenance says so too, and the uncovered report lists the ТФ the experts asked to cover. */
    private void reports(ExpertiseFixture f) throws Exception {
        JsonNode uncovered = body(f.send(get("/api/reports/uncovered").param("programme", String.valueOf(f.programme))
                .param("standard", "06.001"), f.designerKey).andExpect(status().isOk()));
        assertThat(uncovered.get("expertsAskToCover").toString()).contains("06.001 C/01.5");
        JsonNode source = uncovered.get("provenance").get("sources").get(0);
        assertThat(source.get("mappingVersion").asInt()).isEqualTo(2);
        assertThat(source.get("expertise").get("outcome").asString()).isEqualTo("PASSED_WITH_ACCEPTED_CHANGES");
        JsonNode first = body(f.send(get("/api/reports/coverage").param("programme", String.valueOf(f.programme))
                .param("standard", "06.001").param("mappingVersion", "1"), f.designerKey).andExpect(status().isOk()));
        assertThat(first.get("provenance").get("sources").get(0).get("expertise").get("outcome").asString())
                .isEqualTo("NOT_PASSED");
        String csv = f.send(get("/api/reports/uncovered").param("programme", String.valueOf(f.programme))
                .param("standard", "06.001").param("format", "csv"), f.designerKey).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Экспертиза работодателей сопоставления (версия 2): пройдена с принятыми изменениями")
                .contains("Эксперты работодателей предлагают покрыть: 06.001 C/01.5");
    }

    private void tenancy(ExpertiseFixture f, long id) throws Exception {
        for (String outsider : List.of(f.outsiderKey, f.otherCollegeKey, f.regionKey)) {
            f.send(get("/api/expertises/" + id), outsider).andExpect(status().isNotFound());
            f.send(get("/api/expertises/" + id + "/rows"), outsider).andExpect(status().isNotFound());
            f.send(get("/api/expertises/" + id + "/conclusion"), outsider).andExpect(status().isNotFound());
            assertThat(body(f.send(get("/api/expertises"), outsider)).toString()).doesNotContain("\"id\":" + id + ",");
        }
        f.send(put("/api/expertises/" + id + "/rows/1/decision").contentType("application/json")
                .content("{\"verdict\":\"AGREE\"}"), f.outsiderKey).andExpect(status().isNotFound());
        f.send(delete("/api/expertises/" + id + "/proposals/1"), f.outsiderKey).andExpect(status().isNotFound());
        f.send(post("/api/mapping-sets/" + f.mappingSet + "/expertises").contentType("application/json")
                .content("{\"experts\":[\"" + f.employer3 + "\"],\"deadline\":\"" + TestClock.today().plusDays(3)
                        + "\"}"), f.otherCollegeKey).andExpect(status().isNotFound());
        for (String asked : List.of(f.expert1Key, f.expert2Key, f.collegeKey, f.designerKey)) {
            assertThat(body(f.send(get("/api/expertises"), asked)).toString()).contains("\"id\":" + id + ",");
        }
        // the college's designer is not an expert (a COLLEGE key may not call it at all); a second expertise of
        // the version in review is refused
        f.send(put("/api/expertises/" + id + "/rows/1/decision").contentType("application/json")
                .content("{\"verdict\":\"AGREE\"}"), f.designerKey).andExpect(status().isConflict());
        f.send(put("/api/expertises/" + id + "/rows/1/decision").contentType("application/json")
                .content("{\"verdict\":\"AGREE\"}"), f.collegeKey).andExpect(status().isForbidden());
        f.send(post("/api/mapping-sets/" + f.mappingSet + "/expertises").contentType("application/json")
                .content("{\"experts\":[\"" + f.employer3 + "\"],\"deadline\":\"" + TestClock.today().plusDays(3)
                        + "\"}"), f.collegeKey).andExpect(status().isConflict());
    }

    private JsonNode readiness(ExpertiseFixture f) throws Exception {
        return body(f.send(get("/api/students/" + f.student() + "/readiness").param("standard", "06.001"),
                f.collegeKey).andExpect(status().isOk()));
    }

    private void decide(ExpertiseFixture f, String key, long id, long mapping, String json) throws Exception {
        decide(f, key, id, mapping, json, 200);
    }

    private void decide(ExpertiseFixture f, String key, long id, long mapping, String json, int expected)
            throws Exception {
        f.send(put("/api/expertises/" + id + "/rows/" + mapping + "/decision").contentType("application/json")
                .content(json), key).andExpect(status().is(expected));
    }
}
