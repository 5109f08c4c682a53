package ru.workready.data.assessments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException.Problem;

/**
 * Problems and warnings of one upload: all are counted, the first {@value #LISTED} of each are
 * kept, so a file with a million bad rows costs no more memory than one with a hundred.
 */
public final class UploadFindings {
    public static final int LISTED = 100;
    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;
    private final List<String> warnings = new ArrayList<>();
    private long warningCount;

    public void problem(int row, String column, @Nullable String value, String reason) {
        add(new Problem(row, column, value, reason));
    }

    public void add(Problem p) {
        problemCount++;
        if (problems.size() < LISTED) {
            problems.add(p);
        }
    }

    /** Adds problems found by a set-based check, of which {@code total} exist. */
    public void addAll(List<Problem> found, long total) {
        problems.addAll(found);
        problems.sort(Comparator.comparing((Problem p) -> p.row() == null ? 0 : p.row()));
        while (problems.size() > LISTED) {
            problems.remove(problems.size() - 1);
        }
        problemCount += total;
    }

    public void warn(String warning) {
        warningCount++;
        if (warnings.size() < LISTED) {
            warnings.add(warning);
        }
    }

    public boolean hasProblems() {
        return problemCount > 0;
    }

    public long problemCount() {
        return problemCount;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public long warningCount() {
        return warningCount;
    }
}
