package ru.workready.data.trainingorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.data.trainingorder.IntakeSplit.Candidate;
import ru.workready.data.trainingorder.IntakeSplit.Result;

/** The split of a gap into places, recomputed by hand, and its invariants over seeded random inputs. */
class IntakeSplitTest {

    @Test
    void aCollegeAtItsLimitPassesTheRemainderToTheOthers() {
        // A: intake 20, READY 0.75, limit 24 (headroom 4); B: intake 10, READY 0.4, no limit; 21 graduates lacking.
        // weights 15 and 4; Σ w·y = 11.25 + 1.6 = 12.85; k = 21 / 12.85 → A would get 24.5 > 4: A gets 4 (3 graduates),
        // 18 lacking go to B alone: 18 / 0.4 = 45 places.
        Result r = IntakeSplit.split(21, List.of(new Candidate("A", 20, 0.75, 0.75, 24),
                new Candidate("B", 10, 0.4, 0.4, null)));
        assertThat(r.shares().get(0).places()).isEqualTo(4);
        assertThat(r.shares().get(0).atCapacity()).isTrue();
        assertThat(r.shares().get(1).places()).isEqualTo(45);
        assertThat(r.shares().get(1).atCapacity()).isFalse();
        assertThat(r.unmetGraduates()).isCloseTo(0, within(1e-9));
        assertThat(r.places()).isEqualTo(49);
    }

    @Test
    void withoutLimitsThePlacesFollowIntakeTimesReadyShare() {
        // weights 15 and 4, yields 0.75 and 0.4: k = 12.85 / 12.85 = 1 → 15 and 4 places (11.25 + 1.6 = 12.85 graduates)
        Result r = IntakeSplit.split(12.85, List.of(new Candidate("A", 20, 0.75, 0.75, null),
                new Candidate("B", 10, 0.4, 0.4, null)));
        assertThat(r.shares().get(0).exact()).isCloseTo(15, within(1e-9));
        assertThat(r.shares().get(1).exact()).isCloseTo(4, within(1e-9));
        assertThat(r.places()).isEqualTo(19);
    }

    @Test
    void everyCollegeFullLeavesTheRestUnmet() {
        Result r = IntakeSplit.split(10, List.of(new Candidate("A", 20, 0.5, 0.5, 22), new Candidate("B", 5, 0.5, 0.5,
                5)));
        assertThat(r.shares().get(0).places()).isEqualTo(2);
        assertThat(r.shares().get(1).places()).isZero();
        assertThat(r.shares().get(1).atCapacity()).isTrue();
        assertThat(r.unmetGraduates()).isCloseTo(9, within(1e-9));
    }

    @Test
    void noReadyGraduatesCannotCloseAGap() {
        Result r = IntakeSplit.split(10, List.of(new Candidate("A", 20, 0, 0, null)));
        assertThat(r.places()).isZero();
        assertThat(r.unmetGraduates()).isEqualTo(10);
    }

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 0x5EEDL * 31 + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void placesCloseTheGapWithinLimitsAndInProportion(long seed) {
        System.out.println("IntakeSplitTest seed " + seed);
        Random random = new Random(seed);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            int intake = random.nextInt(40);
            double ready = random.nextInt(11) / 10.0;
            Integer capacity = random.nextBoolean() ? null : intake + random.nextInt(30) - 5;
            candidates.add(new Candidate("C" + i, intake, ready, ready * (0.5 + random.nextInt(6) / 10.0), capacity));
        }
        double gap = random.nextInt(200);
        Result r = IntakeSplit.split(gap, candidates);
        double yielded = 0;
        for (IntakeSplit.Share s : r.shares()) {
            assertThat(s.places()).isBetween(0, s.candidate().headroom());
            assertThat((double) s.places()).isGreaterThanOrEqualTo(s.exact() - 1e-6);
            yielded += s.exact() * s.candidate().yield();
        }
        assertThat(yielded + r.unmetGraduates()).isCloseTo(gap, within(1e-6));
        if (r.unmetGraduates() > 1e-6) {
            // something is left only when every college that could yield a graduate is full
            r.shares().stream().filter(s -> s.weight() * s.candidate().yield() > 0)
                    .forEach(s -> assertThat(s.exact()).isCloseTo(s.candidate().headroom(), within(1e-6)));
        }
        // the colleges below their limit got places in proportion to their weights
        List<IntakeSplit.Share> open = r.shares().stream().filter(s -> s.weight() * s.candidate().yield() > 0
                && s.exact() < s.candidate().headroom() - 1e-6).toList();
        for (IntakeSplit.Share s : open) {
            assertThat(s.exact() / s.weight()).isCloseTo(open.get(0).exact() / open.get(0).weight(), within(1e-6));
        }
    }
}
