package ru.workready.engine.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.engine.scoring.ReadinessLevel;

class JobFitTest {
    static final ProfileFunction CORE = new ProfileFunction(1, "06.001", "A/02.3", 5, true, null);
    static final ProfileFunction SIDE = new ProfileFunction(2, "06.001", "A/04.3", 1, false, null);

    @Test
    void fitIsImportanceWeightedReadiness() {
        JobFit fit = JobFit.of(List.of(CORE, SIDE), Map.of(
                1L, new Standing(ReadinessLevel.READY, 0.9),
                2L, new Standing(ReadinessLevel.NOT_READY, 0.3)));
        assertThat(fit.fit()).isCloseTo((5 * 0.9 + 1 * 0.3) / 6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fit.mustHavesMet()).isTrue();
        assertThat(fit.level()).isEqualTo(ReadinessLevel.READY);
        assertThat(fit.notReady()).containsExactly(SIDE);
    }

    @Test
    void anUnmetMustHaveMakesItNotYetWhateverTheFit() {
        ProfileFunction mustHaveSide = new ProfileFunction(2, "06.001", "A/04.3", 1, true, null);
        JobFit fit = JobFit.of(List.of(new ProfileFunction(1, "06.001", "A/02.3", 5, false, null), mustHaveSide),
                Map.of(1L, new Standing(ReadinessLevel.READY, 1.0),
                        2L, new Standing(ReadinessLevel.PARTIALLY_READY, 0.74)));
        assertThat(fit.fit()).isGreaterThan(0.95);
        assertThat(fit.mustHavesMet()).isFalse();
        assertThat(fit.level()).isEqualTo(ReadinessLevel.NOT_READY);
        assertThat(fit.unmetMustHaves()).containsExactly(mustHaveSide);
    }

    @Test
    void aMinimumLevelRelaxesAMustHave() {
        ProfileFunction relaxed = new ProfileFunction(1, "06.001", "A/02.3", 5, true, ReadinessLevel.PARTIALLY_READY);
        assertThat(JobFit.of(List.of(relaxed), Map.of(1L, new Standing(ReadinessLevel.PARTIALLY_READY, 0.6)))
                .mustHavesMet()).isTrue();
        for (ReadinessLevel below : List.of(ReadinessLevel.NOT_READY, ReadinessLevel.INSUFFICIENT_EVIDENCE,
                ReadinessLevel.UNMAPPED, ReadinessLevel.ABOVE_PROGRAMME_LEVEL)) {
            assertThat(JobFit.of(List.of(relaxed), Map.of(1L, new Standing(below, 0.9))).mustHavesMet())
                    .as(below.name()).isFalse();
        }
        assertThat(JobFit.of(List.of(relaxed), Map.of()).mustHavesMet()).as("no score at all").isFalse();
    }

    @Test
    void missingAndUnscoredFunctionsCountAsZeroAndCertifiedAsReady() {
        JobFit missing = JobFit.of(List.of(CORE, SIDE), Map.of(1L, new Standing(ReadinessLevel.READY, 1.0)));
        assertThat(missing.fit()).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
        // certified by an independent assessment without college marks: READY with no readiness value
        JobFit certified = JobFit.of(List.of(CORE), Map.of(1L, new Standing(ReadinessLevel.READY, null)));
        assertThat(certified.fit()).isEqualTo(0.75);
        assertThat(certified.level()).isEqualTo(ReadinessLevel.READY);
        JobFit unmapped = JobFit.of(List.of(SIDE), Map.of(2L, new Standing(ReadinessLevel.UNMAPPED, null)));
        assertThat(unmapped.fit()).isZero();
    }

    @Test
    void badProfilesAreRefused() {
        assertThatThrownBy(() -> new ProfileFunction(1, "06.001", "A/01.3", 6, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProfileFunction(1, "06.001", "A/01.3", 3, false, ReadinessLevel.NOT_READY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobFit.of(List.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).map(i -> 7_000 + i).boxed();
    }

    /** Properties over random profiles: 0 ≤ fit ≤ 1; an unmet must-have is never READY; more readiness never lowers fit. */
    @ParameterizedTest
    @MethodSource("seeds")
    void fitProperties(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(8);
        List<ProfileFunction> profile = new java.util.ArrayList<>();
        Map<Long, Standing> standings = new java.util.HashMap<>();
        ReadinessLevel[] levels = ReadinessLevel.values();
        for (long id = 0; id < n; id++) {
            profile.add(new ProfileFunction(id, "S", "F" + id, 1 + random.nextInt(5), random.nextBoolean(),
                    random.nextBoolean() ? null : ReadinessLevel.PARTIALLY_READY));
            if (random.nextInt(5) > 0) {
                standings.put(id, new Standing(levels[random.nextInt(levels.length)],
                        random.nextInt(6) == 0 ? null : random.nextDouble()));
            }
        }
        JobFit fit = JobFit.of(profile, standings);
        assertThat(fit.fit()).as("seed %d", seed).isBetween(0.0, 1.0);
        if (!fit.mustHavesMet()) {
            assertThat(fit.level()).as("seed %d", seed).isEqualTo(ReadinessLevel.NOT_READY);
        }
        long target = random.nextInt(n);
        Standing before = standings.get(target);
        if (before != null && before.readiness() != null && before.level() == ReadinessLevel.PARTIALLY_READY) {
            Map<Long, Standing> better = new java.util.HashMap<>(standings);
            better.put(target, new Standing(before.level(), Math.min(1.0, before.readiness() + 0.1)));
            assertThat(JobFit.of(profile, better).fit()).as("seed %d", seed).isGreaterThanOrEqualTo(fit.fit());
        }
    }
}
