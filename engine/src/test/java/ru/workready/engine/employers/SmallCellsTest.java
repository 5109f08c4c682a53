package ru.workready.engine.employers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmallCellsTest {

    @Test
    void smallPartsAreHiddenWithAComplement() {
        assertThat(SmallCells.suppressParts(new long[] {10, 11, 12})).containsExactly(10L, 11L, 12L);
        // 3 is small; 13 − 10 − 0 would reveal it, so the smallest non-zero other part goes too (never the 0)
        assertThat(SmallCells.suppressParts(new long[] {10, 3, 0})).containsExactly(null, null, 0L);
        // 2 and 4 hide only each other (2 + 4 < 5 besides the 4): the 9 goes too
        assertThat(SmallCells.suppressParts(new long[] {2, 4, 9})).containsExactly(null, null, null);
        // 2 + 3 hide only 2 besides the 3, so the smallest other non-zero part goes too
        assertThat(SmallCells.suppressParts(new long[] {2, 3, 9, 20})).containsExactly(null, null, null, 20L);
        assertThat(SmallCells.suppressParts(new long[] {3, 0, 6, 20})).containsExactly(null, 0L, null, 20L);
        // a group of 5 split 4 + 1 cannot hide the 4 among 5 others: the whole group goes
        assertThat(SmallCells.suppressParts(new long[] {4, 1, 0})).isNull();
        assertThat(SmallCells.publish(5, 0, new long[] {4, 1, 0}).reason()).isEqualTo(SmallCells.Reason.NO_SAFE_COMPLEMENT);
        assertThat(SmallCells.publish(4, 0, new long[] {4, 0, 0}).reason()).isEqualTo(SmallCells.Reason.SMALL_GROUP);
        assertThat(SmallCells.publish(30, 2, new long[] {10, 10, 10}).parts()).containsOnlyNulls();
        assertThat(SmallCells.publish(30, 0, new long[] {10, 10, 10}).reason()).isNull();
        assertThat(SmallCells.suppressParts(new long[] {0, 0, 30})).containsExactly(0L, 0L, 30L);
    }

    @Test
    void groupsBelowFiveAreTooSmall() {
        assertThat(SmallCells.tooSmall(4)).isTrue();
        assertThat(SmallCells.tooSmall(5)).isFalse();
    }

    @Test
    void median() {
        assertThat(SmallCells.median(new double[] {0.3, 0.1, 0.2})).isEqualTo(0.2);
        assertThat(SmallCells.median(new double[] {0.4, 0.1, 0.2, 0.3})).isEqualTo(0.25);
        assertThat(SmallCells.median(new double[0])).isNaN();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 500).map(i -> 5_000 + i).boxed();
    }

    /**
     * For random partitions of a published total: no visible part is 1–4, and the hidden parts
     * never number exactly one (the total minus the visible parts would give it away).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void nothingSmallIsPublishedOrRecoverable(long seed) {
        Random random = new Random(seed);
        long[] parts = new long[2 + random.nextInt(3)];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 6 : 40);
        }
        Long[] shown = SmallCells.suppressParts(parts);
        if (shown == null) {
            return;
        }
        long hidden = Arrays.stream(shown).filter(Objects::isNull).count();
        assertThat(hidden).as("seed %d, parts %s", seed, Arrays.toString(parts)).isNotEqualTo(1);
        for (int i = 0; i < parts.length; i++) {
            if (shown[i] != null) {
                assertThat(shown[i]).as("seed %d", seed).isEqualTo(parts[i]);
                assertThat(shown[i] == 0 || shown[i] >= SmallCells.K).as("seed %d", seed).isTrue();
            }
        }
        long hiddenSum = 0;
        for (int i = 0; i < parts.length; i++) {
            hiddenSum += shown[i] == null ? parts[i] : 0;
        }
        if (hidden >= 2) {
            // the hidden parts could be split in more than one way: the sum alone does not pin them
            assertThat(hiddenSum == 0 && Arrays.stream(parts).allMatch(p -> p == 0)).isFalse();
        }
    }
}
