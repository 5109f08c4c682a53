package ru.workready.api.trainingorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.TestClock;
import ru.workready.data.trainingorder.GraduationScores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graduates' scores at graduation are kept between orders ({@link GraduationScores}) and computed again only for a
 * group whose college uploaded since: on {@link OrderFixture}, the second order scores nobody, and after college A
 * uploads a retake for one of its graduates only A's group is scored again, and its READY share moves with it.
 */
class KeptScoresTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;
    @Autowired
    GraduationScores kept;

    private final JsonMapper json = JsonMapper.builder().build();

    private double readyShareOfA(OrderFixture fixture) throws Exception {
        JsonNode order = json.readTree(mvc.perform(get("/api/regions/{region}/training-order", fixture.region())
                        .param("from", String.valueOf(fixture.needYear())).param("to", String.valueOf(fixture.needYear())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        for (JsonNode need : order.get("needs")) {
            if (need.get("kind").asString().equals("FUNCTION")) {
                for (JsonNode p : need.get("supply")) {
                    if (p.get("college").asString().equals(fixture.collegeA())) {
                        return p.get("ready").get("value").asDouble();
                    }
                }
            }
        }
        throw new AssertionError("no projection of " + fixture.collegeA());
    }

    @Test
    void scoresAreKeptUntilTheCollegeUploads() throws Exception {
        OrderFixture fixture = OrderFixture.create(app);
        long[] before = kept.hitsAndMisses();
        assertThat(readyShareOfA(fixture)).isEqualTo(0.75);
        long[] first = kept.hitsAndMisses();
        assertThat(first[1] - before[1]).as("A's and B's graduated groups scored").isEqualTo(2);

        assertThat(readyShareOfA(fixture)).isEqualTo(0.75);
        long[] second = kept.hitsAndMisses();
        assertThat(second[1]).as("nothing scored again").isEqualTo(first[1]);
        assertThat(second[0] - first[0]).isEqualTo(2);

        // a retake of ПК 1.2 passed with 5 by one of A's two graduates who were not READY, dated before graduation
        LocalDate assessed = LocalDate.of(fixture.nextIntake() - 4, 3, 2);
        assertThat(assessed).isBefore(TestClock.today());
        String csv = "student_id;outcome_code;kind;result;assessed_on;attempt\n" + fixture.collegeA()
                + "-P7;ПК 1.2;COURSE_GRADE;5;" + assessed + ";2\n";
        mvc.perform(post("/api/colleges/{code}/assessments", fixture.collegeA()).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().is2xxSuccessful());
        assertThat(readyShareOfA(fixture)).isEqualTo(0.875); // 7 of 8
        long[] third = kept.hitsAndMisses();
        assertThat(third[1] - second[1]).as("only A's group scored again").isEqualTo(1);
        assertThat(third[0] - second[0]).as("B's kept").isEqualTo(1);
    }
}
