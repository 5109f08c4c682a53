package ru.workready.api.demo;

import java.util.List;

/**
 * One intake (набор) of the demo programme, as written: the current one (2023, graduating in 2027, the students
 * DEMO-001 … DEMO-030 who may consent to employers) and four past ones that have graduated, so that trends over
 * graduation years have something to show. The past intakes' students are a little weaker the earlier they came, and
 * the two oldest were mapped to the 2013 edition of 06.001 (the 2022 edition replaced it for later intakes).
 *
 * @param abilityShift added to each student's drawn ability
 */
record DemoIntake(int year, int students, double abilityShift, long seed, boolean oldEdition) {
    static final int CURRENT_YEAR = 2023;

    static final List<DemoIntake> ALL = List.of(
            new DemoIntake(2019, 26, -0.12, 20190901L, true),
            new DemoIntake(2020, 24, -0.08, 20200901L, true),
            new DemoIntake(2021, 27, -0.04, 20210901L, false),
            new DemoIntake(2022, 25, 0.02, 20220901L, false),
            new DemoIntake(CURRENT_YEAR, 30, 0, 20261125L, false));

    boolean current() {
        return year == CURRENT_YEAR;
    }

    /** DEMO-001 for the current intake (as before there were several); DEMO-19-001 for the intake of 2019. */
    String studentId(int i) {
        return current() ? String.format("DEMO-%03d", i) : String.format("DEMO-%02d-%03d", year % 100, i);
    }

    String mappingFile() {
        return oldEdition ? "demo/mapping-06.001-2013.csv" : "demo/mapping-06.001.csv";
    }
}
