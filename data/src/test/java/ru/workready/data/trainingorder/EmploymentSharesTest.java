package ru.workready.data.trainingorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.DataTest;
import ru.workready.data.outcomes.EmploymentUploadService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.testing.TestClock;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/**
 * The employed-in-specialty share on a hand fixture, a region of its own; L is the last graduation year
 * ({@link TestClock}: 2026), the history window L−2 … L, the horizon 12 months after graduation (30 June):
 * <ul>
 *   <li>X, graduated L−1: 5 working in the specialty, 2 working outside it, 1 in the army (no answer on the
 *       specialty), 1 observed at 6 months only (outside the 12-month window) → 5 of 7;</li>
 *   <li>X, graduated L−2: 4 working in the specialty → a group of 4 known answers, left out;</li>
 *   <li>X, graduated L: 5 observed, but their 12 months have not passed → left out;</li>
 *   <li>Y, graduated L−1: 3 in the specialty, 2 unemployed, 1 studying → 3 of 6;</li>
 *   <li>Z, graduated L−1: 3 in the specialty → too small: Z gets the region's share, (5 + 3) of (7 + 6) = 8/13.</li>
 * </ul>
 */
class EmploymentSharesTest extends DataTest {
    @Autowired
    EmploymentShares shares;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    EmploymentUploadService uploads;
    @Autowired
    JdbcClient jdbc;

    private String region;
    private String x;
    private String y;
    private String z;
    private final int last = ReadyShares.lastGraduationYear(TestClock.today());

    @BeforeEach
    void fixture() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        region = "EMPLOYED-REGION-" + tag;
        x = "EMP-X-" + tag;
        y = "EMP-Y-" + tag;
        z = "EMP-Z-" + tag;
        StringBuilder csv = header();
        long xId = programmes.insertCollege(x, "Колледж X", region);
        group(csv, xId, x, last - 1, "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да",
                "EMPLOYED;нет", "EMPLOYED;нет", "ARMY;", "6M");
        group(csv, xId, x, last - 2, "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да");
        group(csv, xId, x, last, "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да");
        upload(x, csv);
        csv = header();
        group(csv, programmes.insertCollege(y, "Колледж Y", region), y, last - 1, "EMPLOYED;да", "EMPLOYED;да",
                "EMPLOYED;да", "UNEMPLOYED;", "UNEMPLOYED;", "CONTINUING_EDUCATION;");
        upload(y, csv);
        csv = header();
        group(csv, programmes.insertCollege(z, "Колледж Z", region), z, last - 1, "EMPLOYED;да", "EMPLOYED;да",
                "EMPLOYED;да");
        upload(z, csv);
    }

    @Test
    void aCollegesOwnGroupsOfFiveKnownAnswers() {
        EmploymentShares.Measured m = shares.of(region, last - 2, last).share(x, "09.02.07").orElseThrow();
        assertThat(m.share()).isEqualTo(0.7143); // 5 / 7
        assertThat(m.graduates()).isEqualTo(7);
        assertThat(m.source()).isEqualTo("COLLEGE");
        assertThat(m.graduationYears()).containsExactly(last - 1);
        assertThat(m.explanation()).startsWith("5 of 7 graduates of college " + x);
        EmploymentShares.Measured my = shares.of(region, last - 2, last).share(y, "09.02.07").orElseThrow();
        assertThat(my.share()).isEqualTo(0.5);
        assertThat(my.graduates()).isEqualTo(6);
    }

    @Test
    void aCollegeWithoutEnoughAnswersGetsTheRegionsShare() {
        EmploymentShares.Measured m = shares.of(region, last - 2, last).share(z, "09.02.07").orElseThrow();
        assertThat(m.share()).isEqualTo(0.6154); // 8 / 13
        assertThat(m.graduates()).isEqualTo(13);
        assertThat(m.source()).isEqualTo("REGION");
        assertThat(m.explanation()).contains(z + " has no group of 5+");
    }

    @Test
    void outsideTheWindowOrWithoutRecordsThereIsNoShare() {
        // only L−2 (4 answers) and L (horizon not passed): nothing qualifies, the order's default applies
        assertThat(shares.of(region, last - 2, last - 2).share(x, "09.02.07")).isEmpty();
        assertThat(shares.of(region, last, last).share(x, "09.02.07")).isEmpty();
        assertThat(shares.of(region, last - 2, last).share(x, "35.02.01")).isEmpty();
        assertThat(shares.of("NO-SUCH-REGION", last - 2, last).share(x, "09.02.07")).isEmpty();
    }

    @Test
    void anAllOrNoneShareOverFewGraduatesIsNotUsedAsTheCollegesOwn() {
        // W: 6 of 6 in the specialty would tell each one's job; V: 3 of 6; the region's 9 of 12 is used for W
        String other = region + "-2";
        String w = "EMP-W-" + x.substring(6);
        String v = "EMP-V-" + x.substring(6);
        StringBuilder csv = header();
        group(csv, programmes.insertCollege(w, "Колледж W", other), w, last - 1, "EMPLOYED;да", "EMPLOYED;да",
                "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да", "EMPLOYED;да");
        upload(w, csv);
        EmploymentShares.RegionShares onlyW = shares.of(other, last - 2, last);
        assertThat(onlyW.share(w, "09.02.07")).as("the region is W alone: no better").isEmpty();
        csv = header();
        group(csv, programmes.insertCollege(v, "Колледж V", other), v, last - 1, "EMPLOYED;да", "EMPLOYED;да",
                "EMPLOYED;да", "EMPLOYED;нет", "EMPLOYED;нет", "UNEMPLOYED;");
        upload(v, csv);
        EmploymentShares.Measured m = shares.of(other, last - 2, last).share(w, "09.02.07").orElseThrow();
        assertThat(m.source()).isEqualTo("REGION");
        assertThat(m.share()).isEqualTo(0.75);
        assertThat(m.graduates()).isEqualTo(12);
        assertThat(m.explanation()).contains(w + "'s share (0 % or 100 % of fewer than 10 graduates) is not used");
    }

    private static StringBuilder header() {
        return new StringBuilder("student_id;observed_on;status;source;employer;region;okz_code;in_specialty\n");
    }

    /** A graduating group: one student per answer ("6M": observed 6 months after graduation only). */
    private void group(StringBuilder csv, long collegeId, String college, int graduationYear, String... answers) {
        long programmeId = programmes.insert(collegeId, programme(graduationYear - 4));
        LocalDate graduated = LocalDate.of(graduationYear, 6, 30);
        for (int i = 0; i < answers.length; i++) {
            String id = college + "-" + graduationYear + "-" + i;
            jdbc.sql("insert into student (id, college_id, programme_id) values (?, ?, ?)")
                    .params(id, collegeId, programmeId).update();
            boolean sixMonths = answers[i].equals("6M");
            String answer = sixMonths ? "EMPLOYED;да" : answers[i];
            LocalDate day = sixMonths ? graduated.plusMonths(6)
                    : graduationYear == last ? graduated.plusMonths(3) : graduated.plusMonths(12).minusDays(10);
            String status = answer.substring(0, answer.indexOf(';'));
            String inSpecialty = answer.substring(answer.indexOf(';') + 1);
            csv.append(id).append(';').append(day).append(';').append(status).append(";COLLEGE_SURVEY;;;;")
                    .append(inSpecialty).append('\n');
        }
    }

    private void upload(String college, StringBuilder csv) {
        uploads.upload(college, "employment.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Programme programme(int intakeYear) {
        return new Programme("09.02.07", "ИСиП", "Программист", 5, intakeYear,
                List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Алгоритмы", "ВД 1")));
    }
}
