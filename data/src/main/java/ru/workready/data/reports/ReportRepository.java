package ru.workready.data.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.standards.ElementKind;

/** Read-only queries behind the curriculum gap reports. */
@Repository
public class ReportRepository {

    /** A programme version (programme × college × intake year). */
    public record ProgrammeRow(long id, String collegeCode, String collegeName, String fgosCode, String name,
                               int qualificationLevel, int intakeYear) {
    }

    /** One version of a programme's mapping to a standard edition. */
    public record MappingSetRow(long id, int version, boolean active, String author, long standardId,
                                String standardCode, String standardName, String orderNumber,
                                LocalDate approvalDate) {
    }

    /** A labour function (ТФ) with the qualification level of its ОТФ. */
    public record FunctionRow(long id, String code, String name, String generalizedCode, String generalizedName,
                              int qualificationLevel) {
    }

    /** A labour action, required skill or knowledge of a ТФ. */
    public record ElementRow(long id, long functionId, ElementKind kind, int position, String text) {
    }

    /** A programme outcome (ПК, ОК or a finer outcome). */
    public record OutcomeRow(long id, String code, OutcomeKind kind, String name, @Nullable String activityCode,
                             @Nullable String moduleCode) {
    }

    /** One mapping row; elementId is null when the outcome is mapped to the ТФ as a whole. */
    public record MappingRow(long outcomeId, long functionId, @Nullable Long elementId, MappingType type,
                             double weight, boolean critical) {
    }

    /** Students of a ТФ at one level (scored by one rule set and mapping set): count, sum and count of readiness. */
    public record LevelCount(long functionId, String level, int students, double readinessSum, int readinessCount,
                             String ruleSetVersion, @Nullable Long mappingSetId) {
    }

    /**
     * One mapped outcome over the scored students of a ТФ: mean mastery, students without evidence,
     * below 0.5, and how many students the outcome was judged for.
     */
    public record OutcomeAggregate(long functionId, String outcomeCode, @Nullable Double meanMastery,
                                   int withoutEvidence, int weak, int students) {
    }

    /** One evidence kind over the current (not superseded) results behind a ТФ's scored students, and how many students they belong to. */
    public record KindAggregate(long functionId, String kind, double meanScore, int results, int students) {
    }

    /** The cohort's scores aggregated in the database, explanations included (nothing per student leaves it). */
    public record CohortAggregates(List<LevelCount> levels, List<OutcomeAggregate> outcomes, List<KindAggregate> kinds) {
    }

    private static final String COHORT = """
            with s as (select r.labour_function_id f, r.student_id sid, r.level, r.readiness, r.explanation e,
                              r.rule_set_version, r.mapping_set_id
                       from readiness_score r
                       join student st on st.id = r.student_id
                       join labour_function lf on lf.id = r.labour_function_id
                       -- the programme's college: PostgreSQL reads that college's score partition only
                       where r.college_id = (select p.college_id from programme p where p.id = ?)
                         and st.programme_id = ? and lf.standard_id = ?)
            """;

    private static final String PROGRAMME = """
            select p.id, c.code, c.name, p.fgos_code, p.name, p.qualification_level, p.intake_year
            from programme p join college c on c.id = p.college_id""";

    private static final String MAPPING_SET = """
            select ms.id, ms.version, ms.is_active, ms.author, s.id, s.code, s.name, s.order_number, s.approval_date,
                   ms.programme_id
            from mapping_set ms join professional_standard s on s.id = ms.standard_id""";

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProgrammeRow> programmes() {
        return jdbc.sql(PROGRAMME + " order by c.code, p.fgos_code, p.intake_year").query(this::mapProgramme).list();
    }

    public Optional<ProgrammeRow> programme(long id) {
        return jdbc.sql(PROGRAMME + " where p.id = ?").param(id).query(this::mapProgramme).optional();
    }

    public Optional<ProgrammeRow> programme(String collegeCode, String fgosCode, int intakeYear) {
        return jdbc.sql(PROGRAMME + " where c.code = ? and p.fgos_code = ? and p.intake_year = ?")
                .params(collegeCode, fgosCode, intakeYear).query(this::mapProgramme).optional();
    }

    /** All mapping versions of a programme, newest edition and version first. */
    public List<MappingSetRow> mappingSets(long programmeId) {
        return mappingSets(List.of(programmeId)).getOrDefault(programmeId, List.of());
    }

    /** The mapping versions of each of the programmes (one query), newest edition and version first. */
    public Map<Long, List<MappingSetRow>> mappingSets(Collection<Long> programmeIds) {
        Map<Long, List<MappingSetRow>> out = new HashMap<>();
        jdbc.sql(MAPPING_SET + " where ms.programme_id = any(?)"
                        + " order by ms.programme_id, s.code, s.approval_date desc, ms.version desc")
                .param(programmeIds.toArray(Long[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(10), k -> new ArrayList<>()).add(new MappingSetRow(rs.getLong(1),
                            rs.getInt(2), rs.getBoolean(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class)));
                });
        return out;
    }

    public List<FunctionRow> functions(long standardId) {
        return jdbc.sql("""
                        select f.id, f.code, f.name, g.code, g.name, g.qualification_level from labour_function f
                        join generalized_function g on g.id = f.generalized_function_id
                        where f.standard_id = ? order by f.code""").param(standardId)
                .query((rs, n) -> new FunctionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list();
    }

    public List<ElementRow> elements(long standardId) {
        return jdbc.sql("""
                        select e.id, e.labour_function_id, e.kind, e.position, e.text from function_element e
                        join labour_function f on f.id = e.labour_function_id
                        where f.standard_id = ? order by f.code, e.kind, e.position""").param(standardId)
                .query((rs, n) -> new ElementRow(rs.getLong(1), rs.getLong(2), ElementKind.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getString(5)))
                .list();
    }

    public List<OutcomeRow> outcomes(long programmeId) {
        return jdbc.sql("""
                        select o.id, o.code, o.kind, o.name, a.code, a.module_code from outcome o
                        left join activity_kind a on a.id = o.activity_kind_id
                        where o.programme_id = ? order by o.id""").param(programmeId)
                .query((rs, n) -> new OutcomeRow(rs.getLong(1), rs.getString(2), OutcomeKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    public List<MappingRow> mappings(long mappingSetId) {
        return jdbc.sql("""
                        select outcome_id, labour_function_id, element_id, type, weight, critical from mapping
                        where mapping_set_id = ? order by id""").param(mappingSetId)
                .query((rs, n) -> new MappingRow(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
                        MappingType.valueOf(rs.getString(4)), rs.getDouble(5), rs.getBoolean(6)))
                .list();
    }

    /** Aggregates of the stored scores of a programme's students for one standard edition; scored levels only for mastery and kinds. */
    public CohortAggregates cohort(long programmeId, long standardId, List<String> scoredLevels) {
        String[] scored = scoredLevels.toArray(String[]::new);
        List<LevelCount> levels = jdbc.sql(COHORT + """
                        select f, level, count(*), coalesce(sum(readiness), 0), count(readiness), rule_set_version,
                               mapping_set_id
                        from s group by f, level, rule_set_version, mapping_set_id""")
                .params(programmeId, programmeId, standardId)
                .query((rs, n) -> new LevelCount(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
                        rs.getInt(5), rs.getString(6), (Long) rs.getObject(7)))
                .list();
        List<OutcomeAggregate> outcomes = jdbc.sql(COHORT + """
                        select s.f, o ->> 'outcomeCode', avg((o ->> 'mastery')::float8),
                               count(*) filter (where o ->> 'mastery' is null),
                               count(*) filter (where (o ->> 'mastery')::float8 < 0.5), count(distinct s.sid)
                        from s cross join lateral jsonb_array_elements(s.e -> 'outcomes') o
                        where s.level = any (?) group by 1, 2""")
                .params(programmeId, programmeId, standardId, scored)
                .query((rs, n) -> new OutcomeAggregate(rs.getLong(1), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getDouble(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
        List<KindAggregate> kinds = jdbc.sql(COHORT + """
                        select s.f, ev ->> 'kind', avg((ev ->> 'score')::float8), count(*), count(distinct s.sid)
                        from s cross join lateral jsonb_array_elements(s.e -> 'outcomes') o
                               cross join lateral jsonb_array_elements(o -> 'evidence') ev
                        where s.level = any (?) and not coalesce((ev ->> 'superseded')::boolean, false)
                        group by 1, 2""")
                .params(programmeId, programmeId, standardId, scored)
                .query((rs, n) -> new KindAggregate(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4),
                        rs.getInt(5)))
                .list();
        return new CohortAggregates(levels, outcomes, kinds);
    }

    /** The college's region and the programme's graduation year (intake year + whole years of study). */
    public record Graduation(String region, int year) {
    }

    public Graduation graduation(long programmeId) {
        return jdbc.sql("""
                        select c.region, p.intake_year + cast(ceil(p.study_months / 12.0) as integer)
                        from programme p join college c on c.id = p.college_id where p.id = ?""").param(programmeId)
                .query((rs, n) -> new Graduation(rs.getString(1), rs.getInt(2))).single();
    }

    /**
     * The student counts of the other intakes of the same college and ФГОС code that graduate in
     * the same year as this programme: together they form one group of the employer aggregates.
     */
    public List<Integer> sameGraduationIntakes(long programmeId) {
        return jdbc.sql("""
                        select count(s.id) from programme p
                        join programme o on o.college_id = p.college_id and o.fgos_code = p.fgos_code and o.id <> p.id
                             and o.intake_year + cast(ceil(o.study_months / 12.0) as integer)
                                 = p.intake_year + cast(ceil(p.study_months / 12.0) as integer)
                        left join student s on s.programme_id = o.id
                        where p.id = ? group by o.id""").param(programmeId)
                .query(Integer.class).list();
    }

    /** The ids of the programme's students, in order. */
    public List<String> studentIds(long programmeId) {
        return jdbc.sql("select id from student where programme_id = ? order by id").param(programmeId)
                .query(String.class).list();
    }

    public int studentCount(long programmeId) {
        return jdbc.sql("select count(*) from student where programme_id = ?").param(programmeId)
                .query(Integer.class).single();
    }

    private ProgrammeRow mapProgramme(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ProgrammeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7));
    }
}
