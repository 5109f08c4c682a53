package ru.workready.api.trainingorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.api.demo.DemoCalendar;
import ru.workready.data.trainingorder.IntakeSplit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo region's training order, as the demo loads it: two colleges of 09.02.07 (DEMO and DEMO2, several intakes
 * each), DEMO2 at its capacity limit, and the forecast for 35.02.01 that no college trains. Every need's numbers are
 * checked against each other: supply = Σ projected, gap = max(0, demand − supply), and the places are what
 * {@link IntakeSplit} gives for that gap and those colleges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTrainingOrderTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    private JsonNode order;
    private int shift;

    @BeforeAll
    void readTheDemoOrder() throws Exception {
        shift = DemoCalendar.of(clock).shiftYears();
        String body = mvc.perform(get("/api/regions/DEMO/training-order").param("from", String.valueOf(2027 + shift))
                        .param("to", String.valueOf(2031 + shift)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        order = JsonMapper.builder().build().readTree(body);
    }

    @Test
    void bothDemoCollegesTrainForTheSpecialtyForecasts() {
        List<JsonNode> specialty = needs("SPECIALTY");
        assertThat(specialty).hasSize(3);
        for (JsonNode need : specialty) {
            assertThat(colleges(need.get("supply"))).containsExactlyInAnyOrder("DEMO", "DEMO2");
            assertThat(colleges(need.get("allocations"))).containsExactlyInAnyOrder("DEMO", "DEMO2");
        }
        // the need of 2028 graduates DEMO2's intake of 2024 (in study, 16 students); DEMO has no intake of 2024
        JsonNode y2028 = specialty.stream().filter(n -> n.get("year").asInt() == 2028 + shift).findFirst().orElseThrow();
        JsonNode demo2 = of(y2028.get("supply"), "DEMO2");
        assertThat(demo2.get("intakeYear").asInt()).isEqualTo(2024 + shift);
        assertThat(demo2.get("students").asInt()).isEqualTo(16);
        assertThat(demo2.get("assumedIntake").asBoolean()).isFalse();
        assertThat(demo2.get("ready").get("source").asString()).isEqualTo("COLLEGE");
        assertThat(demo2.get("ready").get("graduates").asInt()).isEqualTo(12 + 14 + 15);
        assertThat(of(y2028.get("supply"), "DEMO").get("students").asInt()).isZero();
        // both colleges' graduates have employment records (DemoOutcomes): the employed share is their own
        for (JsonNode p : y2028.get("supply")) {
            assertThat(p.get("employed").get("source").asString()).isEqualTo("COLLEGE");
            assertThat(p.get("employed").get("graduates").asInt()).isGreaterThanOrEqualTo(5);
            assertThat(p.get("employed").get("value").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void demo2IsAskedForNoMoreThanItsLimit() {
        boolean capped = false;
        for (JsonNode need : order.get("needs")) {
            for (JsonNode a : need.get("allocations")) {
                int limit = a.get("college").asString().equals("DEMO2") ? 20 : 40;
                assertThat(a.get("capacity").asInt()).isEqualTo(limit);
                assertThat(a.get("currentIntake").asInt() + a.get("extraPlaces").asInt()).isLessThanOrEqualTo(limit);
                if (a.get("atCapacity").asBoolean()) {
                    assertThat(a.get("currentIntake").asInt() + a.get("extraPlaces").asInt()).isEqualTo(limit);
                    capped |= a.get("college").asString().equals("DEMO2");
                }
            }
        }
        assertThat(capped).as("DEMO2 reaches its limit of 20 in some need").isTrue();
        // the employer's profile of the first year: DEMO2's 2 places fill it, DEMO takes the rest within its limit
        JsonNode profile = needs("PROFILE").get(0);
        assertThat(of(profile.get("allocations"), "DEMO2").get("atCapacity").asBoolean()).isTrue();
        assertThat(of(profile.get("allocations"), "DEMO").get("atCapacity").asBoolean()).isFalse();
        assertThat(of(profile.get("allocations"), "DEMO").get("extraPlaces").asInt()).isPositive();
        JsonNode admission = of(order.get("admissions"), "DEMO2");
        assertThat(admission.get("currentIntake").asInt()).isEqualTo(18);
        assertThat(admission.get("proposedIntake").asInt()).isEqualTo(20);
        assertThat(admission.get("justification").asString()).contains("предельная численность 20");
    }

    @Test
    void theSpecialtyNoCollegeTrainsIsListed() {
        assertThat(order.get("uncovered")).hasSize(1);
        JsonNode u = order.get("uncovered").get(0);
        assertThat(u.get("target").asString()).isEqualTo("35.02.01");
        assertThat(u.get("year").asInt()).isEqualTo(2029 + shift);
        assertThat(u.get("demand").asInt()).isEqualTo(6);
    }

    @Test
    void everyNeedsNumbersAddUp() {
        assertThat(order.get("needs").size()).isGreaterThanOrEqualTo(6);
        for (JsonNode need : order.get("needs")) {
            double supply = 0;
            for (JsonNode p : need.get("supply")) {
                double yield = p.get("ready").get("value").asDouble() * p.get("employed").get("value").asDouble();
                assertThat(p.get("projected").asDouble()).isCloseTo(p.get("students").asInt() * yield, within(0.005));
                supply += p.get("projected").asDouble();
            }
            assertThat(need.get("projectedSupply").asDouble()).isCloseTo(supply, within(0.005));
            double gap = Math.max(0, need.get("demand").asInt() - supply);
            assertThat(need.get("gap").asDouble()).isCloseTo(gap, within(0.005));
            IntakeSplit.Result split = IntakeSplit.split(gap, candidates(need));
            int places = 0;
            for (int i = 0; i < split.shares().size(); i++) {
                JsonNode a = need.get("allocations").get(i);
                assertThat(a.get("extraPlaces").asInt()).as(need.get("label").asString() + " " + a.get("college"))
                        .isEqualTo(split.shares().get(i).places());
                places += a.get("extraPlaces").asInt();
            }
            assertThat(need.get("extraPlaces").asInt()).isEqualTo(split.places()).isEqualTo(places);
            assertThat(need.get("unmetGraduates").asDouble()).isCloseTo(split.unmetGraduates(), within(0.005));
        }
    }

    @Test
    void eachAdmissionTakesTheLargestAskOfItsIntake() {
        for (JsonNode admission : order.get("admissions")) {
            int largest = 0;
            for (JsonNode need : order.get("needs")) {
                for (JsonNode a : need.get("allocations")) {
                    if (a.get("college").asString().equals(admission.get("college").asString())
                            && a.get("intakeYear").asInt() == admission.get("intakeYear").asInt()) {
                        largest = Math.max(largest, a.get("extraPlaces").asInt());
                    }
                }
            }
            assertThat(admission.get("change").asInt()).isEqualTo(largest);
            assertThat(admission.get("proposedIntake").asInt())
                    .isEqualTo(admission.get("currentIntake").asInt() + largest);
        }
    }

    /** The split's inputs as the order states them: current intake, READY share, yield and limit per college. */
    private static List<IntakeSplit.Candidate> candidates(JsonNode need) {
        List<IntakeSplit.Candidate> out = new ArrayList<>();
        for (JsonNode a : need.get("allocations")) {
            JsonNode p = of(need.get("supply"), a.get("college").asString());
            double ready = p.get("ready").get("value").asDouble();
            out.add(new IntakeSplit.Candidate(a.get("college").asString(), a.get("currentIntake").asInt(), ready,
                    ready * p.get("employed").get("value").asDouble(),
                    a.get("capacity").isNull() ? null : a.get("capacity").asInt()));
        }
        return out;
    }

    private List<JsonNode> needs(String kind) {
        List<JsonNode> out = new ArrayList<>();
        order.get("needs").forEach(n -> {
            if (n.get("kind").asString().equals(kind)) {
                out.add(n);
            }
        });
        return out;
    }

    private static Set<String> colleges(JsonNode list) {
        Set<String> out = new HashSet<>();
        list.forEach(n -> out.add(n.get("college").asString()));
        return out;
    }

    private static JsonNode of(JsonNode list, String college) {
        for (JsonNode n : list) {
            if (n.get("college").asString().equals(college)) {
                return n;
            }
        }
        throw new AssertionError("no row of " + college + " in " + list);
    }
}
