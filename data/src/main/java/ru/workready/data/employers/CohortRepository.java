package ru.workready.data.employers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.employers.Standing;
import ru.workready.engine.scoring.ReadinessLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Students as employers may see them: grouped by college, programme and graduation year, with
 * their stored readiness for the ТФ asked about. Graduation year = programme intake year +
 * ceil(study months / 12).
 */
@Repository
public class CohortRepository {

    /** Where a student belongs, as aggregates group them. */
    public record Member(String studentId, String collegeCode, String collegeName, String region, String fgosCode,
                         String programmeName, int graduationYear, boolean consent) {
    }

    /** A member with the standings (stored scores) for the ТФ asked about, keyed by labour function id. */
    public record MemberStandings(Member member, Map<Long, Standing> standings) {
    }

    /** An outcome mapped to a ТФ as the stored explanation tells: its mastery and the evidence kinds it has. */
    public record OutcomeEvidence(String outcomeCode, boolean critical, double mappingWeight,
                                  @Nullable Double mastery, Set<EvidenceKind> kinds) {
    }

    static final String GRADUATION_YEAR = "(p.intake_year + cast(ceil(p.study_months / 12.0) as integer))";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public CohortRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The members matching the filter with their standings for the given ТФ; with
     * {@code consentingOnly} the consent check is in the same SQL that reads the rows, so a
     * withdrawal is effective for the next query.
     */
    public List<MemberStandings> standings(CohortFilter filter, Collection<Long> functionIds, boolean consentingOnly) {
        List<Object> params = new ArrayList<>();
        params.add(functionIds.toArray(Long[]::new));
        String where = where(filter, consentingOnly, params);
        Map<String, MemberStandings> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, c.code, c.name, c.region, p.fgos_code, p.name, %s, s.employer_consent,
                               rs.labour_function_id, rs.level, rs.readiness
                        from student s join college c on c.id = s.college_id join programme p on p.id = s.programme_id
                        left join readiness_score rs on rs.student_id = s.id and rs.college_id = s.college_id
                                                  and rs.labour_function_id = any(?)
                        %s order by s.id""".formatted(GRADUATION_YEAR, where))
                .params(params)
                .query(rs -> {
                    MemberStandings m = out.computeIfAbsent(rs.getString(1), id -> {
                        try {
                            return new MemberStandings(new Member(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8)), new HashMap<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    long fn = rs.getLong(9);
                    if (!rs.wasNull()) {
                        ReadinessLevel level = ReadinessLevel.valueOf(rs.getString(10));
                        double r = rs.getDouble(11);
                        m.standings().put(fn, new Standing(level, rs.wasNull() ? null : r));
                    }
                });
        return List.copyOf(out.values());
    }

    /**
     * Students matching the filter whose programme is mapped to one of these standards (by code)
     * but who have no stored score for it yet: they need scoring before they can be counted.
     */
    public List<String> unscored(CohortFilter filter, Collection<String> standardCodes) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, false, params);
        params.add(standardCodes.toArray(String[]::new));
        return jdbc.sql("""
                        select s.id from student s join college c on c.id = s.college_id
                        join programme p on p.id = s.programme_id
                        %s %s exists (select 1 from mapping_set ms join professional_standard ps on ps.id = ms.standard_id
                                      where ms.programme_id = s.programme_id and ms.is_active and ps.code = any(?)
                                        and not exists (select 1 from readiness_score rs
                                                        join labour_function f on f.id = rs.labour_function_id
                                                        where rs.student_id = s.id and rs.college_id = s.college_id
                                                          and f.standard_id = ms.standard_id))
                        order by s.id""".formatted(where, where.isEmpty() ? "where" : "and"))
                .params(params).query(String.class).list();
    }

    /** The outcomes behind each student's stored score for the given ТФ (from the score's explanation). */
    public Map<String, Map<Long, List<OutcomeEvidence>>> outcomes(Collection<String> studentIds,
                                                                 Collection<Long> functionIds) {
        Map<String, Map<Long, List<OutcomeEvidence>>> out = new HashMap<>();
        jdbc.sql("""
                        select student_id, labour_function_id, explanation::text from readiness_score
                        where student_id = any(?) and labour_function_id = any(?)""")
                .params(studentIds.toArray(String[]::new), functionIds.toArray(Long[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getLong(2), parse(rs.getString(3)));
                });
        return out;
    }

    private List<OutcomeEvidence> parse(String explanation) {
        List<OutcomeEvidence> list = new ArrayList<>();
        JsonNode outcomes = json.readTree(explanation).path("outcomes");
        for (JsonNode o : outcomes) {
            Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
            for (JsonNode e : o.path("evidence")) {
                EvidenceKind.parse(e.path("kind").asString("")).ifPresent(kinds::add);
            }
            JsonNode mastery = o.path("mastery");
            list.add(new OutcomeEvidence(o.path("outcomeCode").asString(""), o.path("critical").asBoolean(false),
                    o.path("mappingWeight").asDouble(0), mastery.isNumber() ? mastery.asDouble() : null, kinds));
        }
        return list;
    }

    static String where(CohortFilter f, boolean consentingOnly, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.region() != null) {
            conditions.add("c.region = ?");
            params.add(f.region());
        }
        if (f.college() != null) {
            conditions.add("c.code = ?");
            params.add(f.college());
        }
        if (f.programme() != null) {
            conditions.add("p.fgos_code = ?");
            params.add(f.programme());
        }
        if (f.year() != null) {
            conditions.add(GRADUATION_YEAR + " = ?");
            params.add(f.year());
        }
        if (f.onlyProgrammes() != null) {
            conditions.add("s.programme_id = any(?)");
            params.add(f.onlyProgrammes().toArray(Long[]::new));
        }
        if (consentingOnly) {
            conditions.add("s.employer_consent");
        }
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }
}
