package ru.workready.data.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import ru.workready.data.scoring.BulkScoringRepository.StudentRow;

/**
 * Cuts the students of a bulk scoring run into batches bounded by students and by evidence rows. A batch reads only
 * each student's current evidence (the latest result per outcome and kind, the latest НОК per qualification: the
 * database picks them), so a student holds at most as many rows as their programme has outcomes times kinds, plus the
 * НОК allowance, whatever their history: the batch's rows are bounded by that, not by luck.
 */
public final class ScoringBatches {
    /** Evidence kinds an outcome can be assessed by (every kind but НОК, which has its own allowance). */
    static final int KINDS_PER_OUTCOME = 5;
    /** Independent assessments kept per student: one per standard and generalized function. */
    static final int QUALIFICATIONS = 64;

    private ScoringBatches() {
    }

    /** The most current evidence rows a student of a programme with this many outcomes can have. */
    public static int rowsBound(int outcomes) {
        return outcomes * KINDS_PER_OUTCOME + QUALIFICATIONS;
    }

    /** Consecutive batches of at most {@code maxStudents} students and at most {@code maxRows} rows (at least one student). */
    public static List<List<StudentRow>> cut(List<StudentRow> students, int maxStudents, long maxRows,
                                             ToIntFunction<StudentRow> rows) {
        List<List<StudentRow>> batches = new ArrayList<>();
        int from = 0;
        long batchRows = 0;
        for (int i = 0; i < students.size(); i++) {
            int r = rows.applyAsInt(students.get(i));
            if (i > from && (i - from >= maxStudents || batchRows + r > maxRows)) {
                batches.add(students.subList(from, i));
                from = i;
                batchRows = 0;
            }
            batchRows += r;
        }
        if (from < students.size()) {
            batches.add(students.subList(from, students.size()));
        }
        return batches;
    }
}
