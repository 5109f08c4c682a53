package ru.workready.api.demo;

import java.util.List;

/**
 * One intake (набор) of the demo programme at one demo college, as written. College DEMO has the current one (2023,
 * graduating in 2027, the students DEMO-001 … DEMO-030 who may consent to employers) and four past ones that have
 * graduated, so that trends over graduation years have something to show. The past intakes' students are a little
 * weaker the earlier they came, and the two oldest were mapped to the 2013 edition of 06.001 (the 2022 edition replaced
 * it for later intakes). College DEMO2 ({@link #SECOND}) trains the same specialty in the same region: three graduated
 * groups with results (the READY history of the training order) and four groups in study, one per year, listed by
 * roster only (their results are not uploaded yet), so that every graduation year ahead has students.
 *
 * @param abilityShift added to each student's drawn ability
 * @param results      whether the intake's results are uploaded (false: roster only)
 */
record DemoIntake(String college, int year, int students, double abilityShift, long seed, boolean oldEdition,
                  boolean results) {
    static final int CURRENT_YEAR = 2023;
    static final String SECOND_COLLEGE = "DEMO2";

    static final List<DemoIntake> ALL = List.of(
            new DemoIntake(DemoData.COLLEGE, 2019, 26, -0.12, 20190901L, true, true),
            new DemoIntake(DemoData.COLLEGE, 2020, 24, -0.08, 20200901L, true, true),
            new DemoIntake(DemoData.COLLEGE, 2021, 27, -0.04, 20210901L, false, true),
            new DemoIntake(DemoData.COLLEGE, 2022, 25, 0.02, 20220901L, false, true),
            new DemoIntake(DemoData.COLLEGE, CURRENT_YEAR, 30, 0, 20261125L, false, true));

    static final List<DemoIntake> SECOND = List.of(
            new DemoIntake(SECOND_COLLEGE, 2020, 12, 0.06, 20200902L, false, true),
            new DemoIntake(SECOND_COLLEGE, 2021, 14, 0.08, 20210902L, false, true),
            new DemoIntake(SECOND_COLLEGE, 2022, 15, 0.10, 20220902L, false, true),
            new DemoIntake(SECOND_COLLEGE, 2023, 15, 0, 0L, false, false),
            new DemoIntake(SECOND_COLLEGE, 2024, 16, 0, 0L, false, false),
            new DemoIntake(SECOND_COLLEGE, 2025, 16, 0, 0L, false, false),
            new DemoIntake(SECOND_COLLEGE, 2026, 18, 0, 0L, false, false));

    /** DEMO's intake in study whose students may consent to employers. */
    boolean current() {
        return college.equals(DemoData.COLLEGE) && year == CURRENT_YEAR;
    }

    /** DEMO-001 for DEMO's current intake (as before there were several); DEMO-19-001, DEMO2-24-001 for the others. */
    String studentId(int i) {
        return current() ? String.format("DEMO-%03d", i) : String.format("%s-%02d-%03d", college, year % 100, i);
    }

    String mappingFile() {
        return oldEdition ? "demo/mapping-06.001-2013.csv" : "demo/mapping-06.001.csv";
    }
}
