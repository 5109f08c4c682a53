package ru.workready.data.assessments;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * A made-up assessment file with the mix of a college's export: mostly course grades, then module exams, employer
 * practice, demonstration exams, championships and a few independent assessments (НОК), with Cyrillic assessors and
 * an occasional comment. The start-up warm-up ({@link UploadWarmUp}) and the ingestion benchmark send it.
 */
public final class SampleResults {
    public static final String HEADER = "student_id;programme;outcome_code;kind;result;max_points;assessed_on;attempt;"
            + "assessor;standard_code;generalized_function;certificate_number;place;comment\n";
    /** The qualification (standard and ОТФ) of the file's НОК rows: an imported one where the file is stored. */
    public static final String NOK_STANDARD = "06.001";
    public static final String NOK_FUNCTION = "A";

    private SampleResults() {
    }

    /**
     * Writes the header and {@code rows} rows of the programme's students, each row of a student drawn at random;
     * {@code professional} are the outcomes of its activities (ПК), which exams and practice assess.
     */
    public static void write(Writer out, int rows, List<String> students, String programme, List<String> outcomes,
                             List<String> professional, long seed) throws IOException {
        Random random = new Random(seed);
        out.write(HEADER);
        for (int r = 0; r < rows; r++) {
            String student = students.get(random.nextInt(students.size()));
            int k = random.nextInt(100);
            LocalDate date = LocalDate.of(2025, 9, 1).plusDays(random.nextInt(300));
            int attempt = random.nextInt(10) == 0 ? 2 : 1;
            StringBuilder line = new StringBuilder(128).append(student).append(';').append(programme).append(';');
            if (k < 60) {
                line.append(outcomes.get(random.nextInt(outcomes.size()))).append(";COURSE_GRADE;")
                        .append(2 + random.nextInt(4)).append(";;").append(date).append(';').append(attempt)
                        .append(";;;;;;");
            } else if (k < 75) {
                line.append(professional.get(random.nextInt(professional.size()))).append(";MODULE_EXAM;")
                        .append(2 + random.nextInt(4)).append(";;").append(date).append(';').append(attempt)
                        .append(";Экзаменационная комиссия;;;;;");
            } else if (k < 87) {
                line.append(professional.get(random.nextInt(professional.size()))).append(";EMPLOYER_PRACTICE;")
                        .append(2 + random.nextInt(4)).append(";;").append(date)
                        .append(";1;ООО «Работодатель ").append(random.nextInt(50)).append("»;;;;;");
            } else if (k < 95) {
                line.append(professional.get(random.nextInt(professional.size()))).append(";DEMO_EXAM;")
                        .append(random.nextInt(101)).append(";100;").append(date).append(";1;ЦПДЭ;;;;;");
            } else if (k < 99) {
                line.append(professional.get(random.nextInt(professional.size()))).append(";CHAMPIONSHIP;")
                        .append(random.nextInt(101)).append(";100;").append(date)
                        .append(";1;Чемпионат «Профессионалы»;;;;").append(1 + random.nextInt(30)).append(';');
            } else {
                line.append(";INDEPENDENT_ASSESSMENT;pass;;").append(date).append(";1;ЦОК;").append(NOK_STANDARD)
                        .append(';').append(NOK_FUNCTION).append(";06.00100.01-").append(r).append(";;");
            }
            line.append(random.nextInt(20) == 0 ? "пересдача по заявлению" : "").append('\n');
            out.write(line.toString());
        }
    }
}
