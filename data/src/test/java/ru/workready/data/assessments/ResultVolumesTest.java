package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.workready.engine.assessments.EvidenceKind;

class ResultVolumesTest {

    @Test
    void warnsOnceWhenAKeyPassesTheMaximumAtTheRowWhereItDid() {
        ResultVolumes volumes = new ResultVolumes(3);
        for (int row = 2; row < 12; row++) {
            volumes.count(7, 42, EvidenceKind.DEMO_EXAM, row);
        }
        volumes.count(7, 42, EvidenceKind.MODULE_EXAM, 12);
        assertThat(volumes.excesses()).containsExactly(new ResultVolumes.Excess(5, 7, 42, EvidenceKind.DEMO_EXAM));
    }

    @Test
    void zeroTurnsTheCheckOff() {
        ResultVolumes volumes = new ResultVolumes(0);
        for (int row = 0; row < 100; row++) {
            volumes.count(1, 1, EvidenceKind.COURSE_GRADE, row);
        }
        assertThat(volumes.excesses()).isEmpty();
    }

    /** The excesses are what a plain map of counts gives, whether the rows fit one buffer or many. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void countsAsAMapWould(long seed) {
        Random random = new Random(seed);
        int max = 1 + random.nextInt(5);
        int chunk = new int[] {7, 1000, 4096, ResultVolumes.CHUNK}[random.nextInt(4)];
        ResultVolumes volumes = new ResultVolumes(max, chunk);
        Map<String, Integer> model = new HashMap<>();
        List<ResultVolumes.Excess> expected = new ArrayList<>();
        EvidenceKind[] kinds = EvidenceKind.values();
        for (int row = 2; row < 50_000; row++) {
            int student = random.nextInt(2_000);
            long outcome = 1_000_000_000L + random.nextInt(40) * 4096L; // large ids, alike in their low bits
            EvidenceKind kind = kinds[random.nextInt(kinds.length)];
            if (model.merge(student + "/" + outcome + "/" + kind, 1, Integer::sum) == max + 1) {
                expected.add(new ResultVolumes.Excess(row, student, outcome, kind));
            }
            volumes.count(student, outcome, kind, row);
        }
        assertThat(volumes.excesses()).as("seed %d, chunk %d", seed, chunk).isEqualTo(expected);
    }

    @Test
    void stopsCarryingNewKeysAtTheBoundButKeepsCountingKnownOnes() {
        ResultVolumes volumes = new ResultVolumes(1, 10_000);
        int row = 0;
        for (int s = 0; s < ResultVolumes.MAX_KEYS; s++) {
            volumes.count(s, 1, EvidenceKind.COURSE_GRADE, row++);
        }
        volumes.count(ResultVolumes.MAX_KEYS, 1, EvidenceKind.COURSE_GRADE, row++);
        for (int i = 0; i < 10_000; i++) { // the new key's buffer is counted and gone
            volumes.count(i, 2, EvidenceKind.COURSE_GRADE, row++);
        }
        volumes.count(ResultVolumes.MAX_KEYS, 1, EvidenceKind.COURSE_GRADE, row++);
        volumes.count(5, 1, EvidenceKind.COURSE_GRADE, row);
        assertThat(volumes.excesses()).containsExactly(new ResultVolumes.Excess(row, 5, 1, EvidenceKind.COURSE_GRADE));
    }

    @Test
    void studentsBeyondTheEntrysBitsAreNotCounted() {
        ResultVolumes volumes = new ResultVolumes(1);
        volumes.count(1 << 19, 1, EvidenceKind.COURSE_GRADE, 2);
        volumes.count(1 << 19, 1, EvidenceKind.COURSE_GRADE, 3);
        assertThat(volumes.excesses()).isEmpty();
    }
}
