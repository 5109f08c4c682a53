package ru.workready.data.employers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.engine.employers.JobFit;
import ru.workready.engine.employers.ProfileFunction;
import ru.workready.engine.employers.Standing;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * Employer aggregates computed in PostgreSQL, so that a region of any size costs the heap only
 * its groups (college × programme × graduation year) or the top N candidates, never a row per
 * student. Each student's job fit is evaluated in SQL with the same double arithmetic, in the same
 * order, as {@link JobFit#of} (Σ importance·r left to right, then ÷ Σ importance), so levels at the
 * thresholds and rankings come out exactly as the in-Java evaluation gave them. Suppression of
 * small cells stays in Java over the small per-group result.
 */
@Repository
public class CohortAggregates {

    /** How a student's level for the subject is derived from the standings. */
    public enum LevelRule {
        /** The job fit's level (must-haves, then fit thresholds). */
        PROFILE,
        /** One ТФ's own level: READY, PARTIALLY_READY, anything else NOT_READY. */
        FUNCTION,
        /** A qualification (ОТФ): READY when every ТФ is READY, else NOT_READY. */
        QUALIFICATION
    }

    /** A group as aggregates publish it: college × programme × graduation year. */
    public record GroupKey(String collegeCode, String fgosCode, int graduationYear) {
    }

    /**
     * One group's numbers before suppression.
     *
     * @param counts    students per level (READY, PARTIALLY_READY, NOT_READY), zeros included
     * @param medianLow the lower middle job fit (the middle one for an odd count); the median is (low + high) / 2
     */
    public record Group(GroupKey key, String collegeName, String region, String programmeName, long students,
                        long withoutConsent, Map<ReadinessLevel, Long> counts, double medianLow, double medianHigh) {
        public double median() {
            return (medianLow + medianHigh) / 2;
        }
    }

    /**
     * The groups in order of their first student id, and the median job fit over all of them
     * (NaN for none), computed in the same pass for the usual case that every group is published.
     */
    public record Groups(List<Group> list, double medianOfAll) {
    }

    /** A ranked candidate: where they belong and their standings for the profile's ТФ. */
    public record Ranked(CohortRepository.Member member, Map<Long, Standing> standings) {
    }

    private final JdbcClient jdbc;

    public CohortAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per-group level counts and median job fit of the students matching the filter, groups in order of their first student id. */
    public Groups groups(CohortFilter filter, List<ProfileFunction> functions, LevelRule rule) {
        List<Object> params = new ArrayList<>();
        String members = members(filter, functions, rule, false, params);
        List<Group> rows = jdbc.sql("""
                        with m as (%s),
                        g as (select college_code, college_name, region, fgos_code, graduation_year, min(id) as first_id,
                                     count(*) as students, count(*) filter (where not consent) as without_consent,
                                     count(*) filter (where lvl = 'READY') as ready,
                                     count(*) filter (where lvl = 'PARTIALLY_READY') as partially,
                                     count(*) filter (where lvl = 'NOT_READY') as not_ready,
                                     percentile_disc(0.5) within group (order by fit) as low,
                                     percentile_disc(0.5) within group (order by fit desc) as high,
                                     grouping(college_code) as total
                              from m group by grouping sets ((college_code, college_name, region, fgos_code,
                                                              graduation_year), ()))
                        select g.*, fp.name from g join student fs on fs.id = g.first_id
                        join programme fp on fp.id = fs.programme_id
                        order by g.total, g.first_id""".formatted(members))
                .params(params)
                .query((rs, n) -> {
                    Map<ReadinessLevel, Long> counts = new EnumMap<>(ReadinessLevel.class);
                    counts.put(ReadinessLevel.READY, rs.getLong("ready"));
                    counts.put(ReadinessLevel.PARTIALLY_READY, rs.getLong("partially"));
                    counts.put(ReadinessLevel.NOT_READY, rs.getLong("not_ready"));
                    return new Group(new GroupKey(rs.getString("college_code"), rs.getString("fgos_code"),
                            rs.getInt("graduation_year")), rs.getString("college_name"), rs.getString("region"),
                            rs.getString("name"), rs.getLong("students"), rs.getLong("without_consent"), counts,
                            rs.getDouble("low"), rs.getDouble("high"));
                })
                .list();
        // the grand total row (grouping set ()) comes last; with no students there is none
        if (rows.isEmpty()) {
            return new Groups(List.of(), Double.NaN);
        }
        return new Groups(List.copyOf(rows.subList(0, rows.size() - 1)), rows.get(rows.size() - 1).median());
    }

    /** The median job fit over the students of the given groups (matching the filter); NaN for none. */
    public double median(CohortFilter filter, List<ProfileFunction> functions, Collection<GroupKey> groups) {
        if (groups.isEmpty()) {
            return Double.NaN;
        }
        List<Object> params = new ArrayList<>();
        String members = members(filter, functions, LevelRule.PROFILE, false, params);
        params.add(groups.stream().map(GroupKey::collegeCode).toArray(String[]::new));
        params.add(groups.stream().map(GroupKey::fgosCode).toArray(String[]::new));
        params.add(groups.stream().map(GroupKey::graduationYear).toArray(Integer[]::new));
        return jdbc.sql("""
                        with m as (%s)
                        select percentile_disc(0.5) within group (order by fit) as low,
                               percentile_disc(0.5) within group (order by fit desc) as high
                        from m join unnest(?::text[], ?::text[], ?::int[]) as k(college_code, fgos_code, graduation_year)
                          using (college_code, fgos_code, graduation_year)""".formatted(members))
                .params(params)
                .query((rs, n) -> {
                    double low = rs.getDouble(1);
                    return rs.wasNull() ? Double.NaN : (low + rs.getDouble(2)) / 2;
                })
                .single();
    }

    /**
     * The consenting students ranked as candidates — must-haves met first, then job fit, then
     * student id (code-point order, as Java compares strings) — top {@code limit} only. The consent
     * check is in the statement that reads them.
     */
    public List<Ranked> top(CohortFilter filter, List<ProfileFunction> functions, int limit) {
        List<Object> params = new ArrayList<>();
        String members = members(filter, functions, LevelRule.PROFILE, true, params);
        params.add(limit);
        return jdbc.sql("""
                        with m as (%s)
                        select * from m order by must_met desc, fit desc, id collate "C" limit ?""".formatted(members))
                .params(params)
                .query((rs, n) -> new Ranked(new CohortRepository.Member(rs.getString("id"),
                        rs.getString("college_code"), rs.getString("college_name"), rs.getString("region"),
                        rs.getString("fgos_code"), rs.getString("programme_name"), rs.getInt("graduation_year"),
                        rs.getBoolean("consent")), standings(rs, functions)))
                .list();
    }

    private static Map<Long, Standing> standings(ResultSet rs, List<ProfileFunction> functions) throws SQLException {
        Map<Long, Standing> out = new HashMap<>();
        for (int i = 0; i < functions.size(); i++) {
            String level = rs.getString("l" + i);
            if (level != null) {
                double r = rs.getDouble("r" + i);
                out.put(functions.get(i).labourFunctionId(), new Standing(ReadinessLevel.valueOf(level),
                        rs.wasNull() ? null : r));
            }
        }
        return out;
    }

    /**
     * One row per student matching the filter: where they belong, their score (level l_i,
     * readiness r_i) for each of the functions, fit, must_met and lvl. One index lookup per ТФ
     * and student; ids, importances and levels are inlined (numbers and enum names only).
     */
    private static String members(CohortFilter filter, List<ProfileFunction> functions, LevelRule rule,
                                  boolean consentingOnly, List<Object> params) {
        ProfileTerms terms = ProfileTerms.of(functions);
        String level = level(rule, functions.isEmpty(), terms.allReady());
        String where = CohortRepository.where(filter, consentingOnly, params);
        // the level reads fit from the inner row: "offset 0" keeps PostgreSQL from inlining (and so
        // re-evaluating) the long fit expression in every comparison
        return """
                select i.*, %s as lvl from (
                select s.id, c.code as college_code, c.name as college_name, c.region, p.fgos_code,
                       p.name as programme_name, %s as graduation_year, s.employer_consent as consent%s,
                       %s as fit, %s as must_met
                from student s join college c on c.id = s.college_id join programme p on p.id = s.programme_id%s
                %s offset 0) i""".formatted(level, CohortRepository.GRADUATION_YEAR, terms.columns(), terms.fit(),
                terms.mustMet(), terms.joins(), where);
    }

    /**
     * What a profile's functions bring to the member query: the score columns (l_i, r_i) and their joins,
     * the fit and must_met expressions, and one "is READY" term per function.
     */
    private record ProfileTerms(String columns, String joins, String fit, String mustMet, List<String> allReady) {
        static ProfileTerms of(List<ProfileFunction> functions) {
            StringBuilder columns = new StringBuilder();
            StringBuilder joins = new StringBuilder();
            // JobFit.of: weighted += importance * r, in profile order, starting from 0
            StringBuilder weighted = new StringBuilder("0::float8");
            List<String> mustHaves = new ArrayList<>();
            List<String> allReady = new ArrayList<>();
            double importance = 0;
            for (int i = 0; i < functions.size(); i++) {
                ProfileFunction f = functions.get(i);
                String rs = "rs" + i;
                joins.append(scoreJoin(rs, f));
                columns.append(", ").append(rs).append(".level as l").append(i).append(", ").append(rs)
                        .append(".readiness as r").append(i);
                weighted.insert(0, "(").append(" + ").append(f.importance()).append("::float8 * ")
                        .append(readinessTerm(rs)).append(")");
                importance += f.importance();
                if (f.mustHave()) {
                    mustHaves.add(f.requiredLevel() == ReadinessLevel.PARTIALLY_READY
                            ? "coalesce(%s.level in ('READY', 'PARTIALLY_READY'), false)".formatted(rs)
                            : "coalesce(%s.level = 'READY', false)".formatted(rs));
                }
                allReady.add("coalesce(l%d = 'READY', false)".formatted(i));
            }
            String fit = functions.isEmpty() ? "0::float8" : "(" + weighted + " / " + importance + "::float8)";
            String mustMet = mustHaves.isEmpty() ? "true" : String.join(" and ", mustHaves);
            return new ProfileTerms(columns.toString(), joins.toString(), fit, mustMet, allReady);
        }

        private static String scoreJoin(String rs, ProfileFunction f) {
            // the college too: readiness_score is partitioned by it, so each probe looks into one partition
            return " left join readiness_score " + rs + " on " + rs + ".student_id = s.id and " + rs
                    + ".college_id = s.college_id and " + rs + ".labour_function_id = " + f.labourFunctionId();
        }

        /** r = 0 without a score or for an unscored level; a READY ТФ counts at least READY_FIT. */
        private static String readinessTerm(String rs) {
            return "(case when %1$s.level = 'READY' then greatest(coalesce(%1$s.readiness::float8, 0), %2$s::float8)"
                    .formatted(rs, JobFit.READY_FIT)
                    + " when %1$s.level in (%2$s) then coalesce(%1$s.readiness::float8, 0) else 0::float8 end)"
                    .formatted(rs, scoredNotReady());
        }
    }

    /** The level each rule gives a member, as an SQL expression over its row (fit, must_met, l_i). */
    private static String level(LevelRule rule, boolean noFunctions, List<String> allReady) {
        return switch (rule) {
            case PROFILE -> noFunctions ? "'NOT_READY'" : """
                    case when not must_met then 'NOT_READY' when fit >= %s::float8 then 'READY'
                         when fit >= %s::float8 then 'PARTIALLY_READY' else 'NOT_READY' end""".formatted(
                    JobFit.READY_FIT, JobFit.PARTIAL_FIT);
            case FUNCTION -> noFunctions ? "'NOT_READY'"
                    : "case when l0 in ('READY', 'PARTIALLY_READY') then l0 else 'NOT_READY' end";
            case QUALIFICATION -> allReady.isEmpty() ? "'NOT_READY'"
                    : "case when " + String.join(" and ", allReady) + " then 'READY' else 'NOT_READY' end";
        };
    }

    /** The scored levels other than READY, whose readiness counts as it is. */
    private static String scoredNotReady() {
        List<String> names = new ArrayList<>();
        for (ReadinessLevel l : ReadinessLevel.values()) {
            if (l.scored() && l != ReadinessLevel.READY) {
                names.add("'" + l.name() + "'");
            }
        }
        return String.join(", ", names);
    }
}
