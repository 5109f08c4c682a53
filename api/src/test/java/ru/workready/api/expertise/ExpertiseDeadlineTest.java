package ru.workready.api.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.workready.api.expertise.ExpertiseFixture.body;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.MovableClock;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The expertise ends at its deadline even when an expert never submits: with the application's clock moved to the
 * last second of the deadline day it is still in review, one second later it is concluded (ended at the deadline),
 * nobody can change a decision, the silent expert's undecided rows count as no opinion, and the experts may read the
 * conclusion. The clock is this test context's own movable one (no other test shares the context).
 */
@Import(ExpertiseDeadlineTest.MovableClockConfiguration.class)
class ExpertiseDeadlineTest extends ApiTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;

    @AfterEach
    void backToTheTestClock() {
        clock.reset();
    }

    @Test
    void theExpertiseEndsAtTheDeadlineWithoutEveryExpertSubmitting() throws Exception {
        ExpertiseFixture f = new ExpertiseFixture(mvc);
        LocalDate deadline = TestClock.today().plusDays(3);
        long id = body(f.send(post("/api/mapping-sets/" + f.mappingSet + "/expertises").contentType("application/json")
                .content("{\"experts\":[\"" + f.employer1 + "\",\"" + f.employer2 + "\"],\"deadline\":\"" + deadline
                        + "\"}"), f.collegeKey).andExpect(status().isCreated())).get("id").asLong();
        JsonNode rows = body(f.send(get("/api/expertises/" + id + "/rows"), f.expert1Key));
        for (JsonNode r : rows) {
            decide(f, f.expert1Key, id, r.get("row").get("mappingId").asLong(), 200);
        }
        f.send(post("/api/expertises/" + id + "/submit"), f.expert1Key).andExpect(status().isOk());
        long first = rows.get(0).get("row").get("mappingId").asLong();
        decide(f, f.expert2Key, id, first, 200); // expert 2 decides one row and never submits

        Instant end = deadline.plusDays(1).atStartOfDay(TestClock.ZONE).toInstant();
        clock.moveTo(end.minusSeconds(1));
        assertThat(summary(f, id).get("status").asString()).isEqualTo("IN_REVIEW");
        f.send(get("/api/expertises/" + id + "/conclusion"), f.expert2Key).andExpect(status().isConflict());

        clock.moveTo(end.plusSeconds(1));
        JsonNode ended = summary(f, id);
        assertThat(ended.get("status").asString()).isEqualTo("CONCLUDED");
        assertThat(OffsetDateTime.parse(ended.get("endedAt").asString()).toInstant()).isEqualTo(end);
        decide(f, f.expert2Key, id, first, 409);
        f.send(post("/api/expertises/" + id + "/submit"), f.expert2Key).andExpect(status().isConflict());

        JsonNode conclusion = body(f.send(get("/api/expertises/" + id + "/conclusion"), f.expert2Key)
                .andExpect(status().isOk()));
        assertThat(conclusion.get("fin").asBoolean()).isTrue();
        assertThat(conclusion.get("set").asString()).isEqualTo("APPROVED");
        for (JsonNode r : conclusion.get("rows")) {
            boolean both = r.get("row").get("mappingId").asLong() == first;
            assertThat(r.get("agree").asInt()).isEqualTo(both ? 2 : 1);
        }
        JsonNode statement = body(f.send(get("/api/students/" + f.student() + "/readiness").param("standard", "06.001"),
                f.collegeKey).andExpect(status().isOk())).get("mappingExpertise");
        assertThat(statement.get("outcome").asString()).isEqualTo("PASSED");
        assertThat(statement.get("experts").toString()).contains("Софт-Ставрополь").doesNotContain("Ставропольские");
    }

    private static JsonNode summary(ExpertiseFixture f, long id) throws Exception {
        return body(f.send(get("/api/expertises/" + id), f.collegeKey).andExpect(status().isOk()));
    }

    private static void decide(ExpertiseFixture f, String key, long id, long mapping, int expected) throws Exception {
        f.send(put("/api/expertises/" + id + "/rows/" + mapping + "/decision").contentType("application/json")
                .content("{\"verdict\":\"AGREE\"}"), key).andExpect(status().is(expected));
    }
}
