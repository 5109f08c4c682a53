package ru.workready.engine.assessments;

/** What an assessment produced: a grade 2–5, points out of a maximum, or pass/fail. */
public sealed interface AssessmentResult {

    /** Оценка по пятибалльной шкале. */
    record Grade(int value) implements AssessmentResult {
        public Grade {
            if (value < 2 || value > 5) {
                throw new IllegalArgumentException("grade must be 2..5, was " + value);
            }
        }
    }

    record Points(double points, double max) implements AssessmentResult {
        public Points {
            if (!(max > 0) || points < 0 || Double.isNaN(points)) {
                throw new IllegalArgumentException("points must be >= 0 and max > 0");
            }
        }
    }

    record PassFail(boolean passed) implements AssessmentResult {
    }
}
