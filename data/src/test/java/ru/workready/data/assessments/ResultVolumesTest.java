package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.workready.engine.assessments.EvidenceKind;

class ResultVolumesTest {

    @Test
    void warnsOnceWhenAKeyPassesTheMaximum() {
        ResultVolumes volumes = new ResultVolumes(3);
        int warnings = 0;
        for (int i = 0; i < 10; i++) {
            warnings += volumes.passesMaximum(7, 42, EvidenceKind.DEMO_EXAM) ? 1 : 0;
        }
        assertThat(warnings).isEqualTo(1);
        assertThat(volumes.passesMaximum(7, 42, EvidenceKind.MODULE_EXAM)).isFalse();
    }

    @Test
    void zeroTurnsTheCheckOff() {
        ResultVolumes volumes = new ResultVolumes(0);
        for (int i = 0; i < 100; i++) {
            assertThat(volumes.passesMaximum(1, 1, EvidenceKind.COURSE_GRADE)).isFalse();
        }
    }

    /** The table answers as a plain map of counts would, for keys that collide in their low bits too. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void countsAsAMapWould(long seed) {
        Random random = new Random(seed);
        int max = 1 + random.nextInt(5);
        ResultVolumes volumes = new ResultVolumes(max);
        Map<String, Integer> model = new HashMap<>();
        EvidenceKind[] kinds = EvidenceKind.values();
        for (int i = 0; i < 50_000; i++) {
            int student = random.nextInt(2_000);
            long outcome = random.nextInt(40) * 16L; // multiples of 16 land on the student's bits when folded
            EvidenceKind kind = kinds[random.nextInt(kinds.length)];
            int count = model.merge(student + "/" + outcome + "/" + kind, 1, Integer::sum);
            assertThat(volumes.passesMaximum(student, outcome, kind)).as("seed %d, row %d", seed, i)
                    .isEqualTo(count == max + 1);
        }
    }

    @Test
    void stopsAddingKeysAtTheBoundButKeepsCountingKnownOnes() {
        ResultVolumes volumes = new ResultVolumes(1);
        for (int s = 0; s < ResultVolumes.MAX_KEYS; s++) {
            volumes.passesMaximum(s, 1, EvidenceKind.COURSE_GRADE);
        }
        assertThat(volumes.passesMaximum(ResultVolumes.MAX_KEYS, 1, EvidenceKind.COURSE_GRADE)).isFalse();
        assertThat(volumes.passesMaximum(ResultVolumes.MAX_KEYS, 1, EvidenceKind.COURSE_GRADE)).isFalse();
        assertThat(volumes.passesMaximum(5, 1, EvidenceKind.COURSE_GRADE)).isTrue();
    }
}
