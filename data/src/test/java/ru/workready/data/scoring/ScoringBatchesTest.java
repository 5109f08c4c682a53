package ru.workready.data.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.data.scoring.BulkScoringRepository.StudentRow;

/** Batches of a bulk run stay within their students and rows, and together are the students in order. */
class ScoringBatchesTest {

    static Stream<Long> seeds() {
        long base = new Random().nextLong();
        return LongStream.range(0, 20).mapToObj(i -> base + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void batchesAreBoundedAndComplete(long seed) {
        System.out.println("ScoringBatchesTest seed " + seed);
        Random random = new Random(seed);
        List<StudentRow> students = new ArrayList<>();
        int n = random.nextInt(500);
        for (int i = 0; i < n; i++) {
            students.add(new StudentRow("S-" + i, 1, "C", "R", random.nextInt(4)));
        }
        int[] rowsByProgramme = {random.nextInt(400) + 1, random.nextInt(400) + 1, 64, random.nextInt(5000) + 1};
        int maxStudents = random.nextInt(50) + 1;
        long maxRows = random.nextInt(3000) + 1;
        List<List<StudentRow>> batches = ScoringBatches.cut(students, maxStudents, maxRows,
                s -> rowsByProgramme[(int) s.programmeId()]);
        List<StudentRow> joined = new ArrayList<>();
        for (List<StudentRow> batch : batches) {
            assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(maxStudents);
            long rows = batch.stream().mapToLong(s -> rowsByProgramme[(int) s.programmeId()]).sum();
            if (batch.size() > 1) {
                assertThat(rows).isLessThanOrEqualTo(maxRows);
            }
            joined.addAll(batch);
        }
        assertThat(joined).isEqualTo(students);
    }
}
