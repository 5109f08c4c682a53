package ru.workready.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DecimalsTest {

    @Test
    void roundsToFourDecimalsHalfUp() {
        assertThat(Decimals.four(0.12344)).isEqualTo(0.1234);
        assertThat(Decimals.four(0.12346)).isEqualTo(0.1235);
        assertThat(Decimals.four(0.5)).isEqualTo(0.5);
        assertThat(Decimals.four(2.0 / 3)).isEqualTo(0.6667);
        assertThat(Decimals.four(-0.00004)).isEqualTo(0.0);
        assertThat(Decimals.four(-0.00005)).isEqualTo(0.0); // ties toward positive infinity, as Math.round
        assertThat(Decimals.four(0.00005)).isEqualTo(0.0001);
        assertThat(Decimals.fourOrNull(null)).isNull();
        assertThat(Decimals.fourOrNull(0.33333)).isEqualTo(0.3333);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).map(i -> 20261205L + i).boxed();
    }

    /** Property: bit-identical to the expression every caller used before the helper. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameBitsAsTheFormerInlineRounding(long seed) {
        System.out.println("DecimalsTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            double v = random.nextInt(3) == 0 ? random.nextInt(20_001) / 20_000.0 : random.nextDouble() * 2 - 0.5;
            assertThat(Decimals.four(v)).as("seed %d, %s", seed, v).isEqualTo(Math.round(v * 10000) / 10000.0);
        }
    }
}
