package ru.workready.data.reports;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The graduating groups a trend report follows, with the standard edition and mapping each was scored against. */
@Repository
public class TrendRepository {
    /** Graduation year = intake year + whole years of study, as the employer groups count it. */
    static final String GRADUATION_YEAR = "(p.intake_year + cast(ceil(p.study_months / 12.0) as integer))";

    /**
     * One programme row (one intake of a college's programme) and the edition of the standard its active mapping
     * points at (the newest edition when it has active mappings to several); edition fields null without a mapping.
     */
    public record Intake(long programmeId, String collegeCode, String region, int intakeYear, int graduationYear,
                         int students, int withoutConsent, @Nullable Long standardId, @Nullable String orderNumber,
                         @Nullable LocalDate approvalDate, @Nullable Long mappingSetId,
                         @Nullable Integer mappingVersion) {
    }

    private final JdbcClient jdbc;

    public TrendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The intakes of a ФГОС programme in a college, a region or everywhere, whose graduation (or intake, with
     * {@code byIntake}) year lies in [from, to].
     */
    public List<Intake> intakes(String fgosCode, @Nullable String college, @Nullable String region,
                                String standardCode, boolean byIntake, int from, int to) {
        String year = byIntake ? "p.intake_year" : GRADUATION_YEAR;
        return jdbc.sql("""
                        select p.id, c.code, c.region, p.intake_year, %s,
                               (select count(*) from student s where s.programme_id = p.id),
                               (select count(*) from student s where s.programme_id = p.id and not s.employer_consent),
                               m.standard_id, m.order_number, m.approval_date, m.id, m.version
                        from programme p join college c on c.id = p.college_id
                        left join lateral (
                            select ms.id, ms.version, ms.standard_id, st.order_number, st.approval_date
                            from mapping_set ms join professional_standard st on st.id = ms.standard_id
                            where ms.programme_id = p.id and ms.is_active and st.code = :standard
                            order by st.approval_date desc, ms.version desc limit 1) m on true
                        where p.fgos_code = :fgos
                          and (cast(:college as text) is null or c.code = :college)
                          and (cast(:region as text) is null or c.region = :region)
                          and %s between :from and :to
                        order by 5, c.code, p.intake_year, p.id""".formatted(GRADUATION_YEAR, year))
                .param("standard", standardCode).param("fgos", fgosCode).param("college", college)
                .param("region", region).param("from", from).param("to", to)
                .query((rs, n) -> new Intake(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), (Long) rs.getObject(8), rs.getString(9),
                        rs.getObject(10, LocalDate.class), (Long) rs.getObject(11), (Integer) rs.getObject(12)))
                .list();
    }

    /** The ids of the programme's students, in order. */
    public List<String> studentIds(long programmeId) {
        return jdbc.sql("select id from student where programme_id = ? order by id").param(programmeId)
                .query(String.class).list();
    }
}
