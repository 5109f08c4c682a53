package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StudentIndexTest {
    private static final AssessmentLookups.ProgrammeRef A = new AssessmentLookups.ProgrammeRef("09.02.07", Map.of());
    private static final AssessmentLookups.ProgrammeRef B = new AssessmentLookups.ProgrammeRef("15.02.10", Map.of());

    /** Every id is found with its ordinal and programme; ids that differ by a character, a prefix or a case are not. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void findsEachStudentAndNoOther(long seed) {
        Random random = new Random(seed);
        int n = new int[] {0, 1, 17, 20_000}[(int) seed - 1];
        Set<String> unique = new LinkedHashSet<>();
        while (unique.size() < n) {
            unique.add(randomId(random));
        }
        // "Aa" and "BB" have the same String.hashCode: ids built of them collide in full
        unique.addAll(List.of("AaAa", "BBBB", "AaBB"));
        List<String> ids = new ArrayList<>(unique);
        List<AssessmentLookups.ProgrammeRef> programmes = ids.stream().map(id -> id.length() % 2 == 0 ? A : B).toList();
        StudentIndex index = new StudentIndex(ids, programmes);
        for (int o = 0; o < ids.size(); o++) {
            String id = ids.get(o);
            assertThat(index.find(new String(id.toCharArray()))).as("seed %d, %s", seed, id).isEqualTo(o);
            assertThat(index.id(o)).isEqualTo(id);
            assertThat(index.programme(o)).isSameAs(programmes.get(o));
            for (String other : List.of(id + "0", id.substring(1), id.toLowerCase(), "BBAa")) {
                if (!unique.contains(other)) {
                    assertThat(index.find(other)).as("seed %d, %s", seed, other).isEqualTo(-1);
                }
            }
        }
    }

    private static String randomId(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-АБВГДЕЖЗ";
        StringBuilder id = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
