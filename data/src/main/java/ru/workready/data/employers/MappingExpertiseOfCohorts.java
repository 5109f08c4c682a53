package ru.workready.data.employers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.workready.data.expertise.ExpertiseStatements;
import ru.workready.data.expertise.ExpertiseStatements.Outcome;

/**
 * Employer aggregates and employer expertise (issue 21): which programmes' active mappings to the standards asked about
 * passed expertise (the filter {@code expertise=passed}), and per group of students what the mapping its programme
 * uses says. A programme passes when it has an active mapping to the standard edition of every ТФ asked about that
 * is mapped at all, and each such mapping version passed ({@link ExpertiseStatements}). Only versions that ever met an
 * expertise are judged in Java; the rest are NOT_SUBMITTED by construction.
 */
@Service
public class MappingExpertiseOfCohorts {

    /** What a group's aggregate says about the mapping version its programme uses for one standard edition. */
    public record MappingExpertise(String standard, int version, Outcome outcome, boolean passed,
                                   @Nullable Long expertiseId, @Nullable OffsetDateTime concludedAt,
                                   List<String> experts) {
    }

    /** A group as aggregates publish it: college code × ФГОС code × graduation year. */
    public record GroupKey(String collegeCode, String fgosCode, int graduationYear) {
    }

    private record ActiveSet(long id, long programmeId, String collegeCode, String fgosCode, int graduationYear,
                             String standard, int version, boolean everReviewed) {
    }

    private final JdbcClient jdbc;
    private final ExpertiseStatements statements;

    public MappingExpertiseOfCohorts(JdbcClient jdbc, ExpertiseStatements statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /** The programmes (ids) whose every active mapping to the editions of these ТФ passed expertise. */
    public List<Long> passedProgrammes(Collection<Long> labourFunctionIds) {
        Map<Long, Boolean> passed = new LinkedHashMap<>();
        List<ActiveSet> sets = activeSets(labourFunctionIds, null);
        Map<Long, MappingExpertise> judged = judge(sets);
        for (ActiveSet s : sets) {
            passed.merge(s.programmeId(), judged.get(s.id()).passed(), Boolean::logicalAnd);
        }
        return passed.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /** Per group of the given keys: the statements on the active mappings its programmes use for these ТФ. */
    public Map<GroupKey, List<MappingExpertise>> ofGroups(Collection<Long> labourFunctionIds,
                                                          Collection<GroupKey> groups) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        List<String> colleges = groups.stream().map(GroupKey::collegeCode).distinct().toList();
        List<ActiveSet> sets = activeSets(labourFunctionIds, colleges).stream()
                .filter(s -> groups.contains(key(s))).toList();
        Map<Long, MappingExpertise> judged = judge(sets);
        Map<GroupKey, List<MappingExpertise>> out = new HashMap<>();
        for (ActiveSet s : sets) {
            out.computeIfAbsent(key(s), k -> new ArrayList<>()).add(judged.get(s.id()));
        }
        return out;
    }

    private static GroupKey key(ActiveSet s) {
        return new GroupKey(s.collegeCode(), s.fgosCode(), s.graduationYear());
    }

    private Map<Long, MappingExpertise> judge(List<ActiveSet> sets) {
        Map<Long, MappingExpertise> out = new HashMap<>();
        for (ActiveSet s : sets) {
            ExpertiseStatements.Statement st = s.everReviewed() ? statements.of(s.id()) : null;
            out.put(s.id(), st == null
                    ? new MappingExpertise(s.standard(), s.version(), Outcome.NOT_SUBMITTED, false, null, null, List.of())
                    : new MappingExpertise(s.standard(), s.version(), st.outcome(), st.passed(), st.expertiseId(),
                    st.concludedAt(), st.experts()));
        }
        return out;
    }

    /** Active mapping sets to the editions of these ТФ, of the given colleges (codes; null: all). */
    private List<ActiveSet> activeSets(Collection<Long> labourFunctionIds, @Nullable List<String> colleges) {
        List<Object> params = new ArrayList<>();
        params.add(labourFunctionIds.toArray(Long[]::new));
        if (colleges != null) {
            params.add(colleges.toArray(String[]::new));
        }
        return jdbc.sql("""
                        select ms.id, ms.programme_id, c.code, p.fgos_code, %s as graduation_year, ps.code as standard,
                               ms.version, (ms.expertise_id is not null
                                            or exists (select 1 from expertise x where x.mapping_set_id = ms.id)) as reviewed
                        from mapping_set ms join programme p on p.id = ms.programme_id
                        join college c on c.id = p.college_id join professional_standard ps on ps.id = ms.standard_id
                        where ms.is_active and ms.standard_id in (select standard_id from labour_function where id = any(?))
                          %s
                        order by ms.programme_id, ps.code""".formatted(CohortRepository.GRADUATION_YEAR,
                        colleges == null ? "" : "and c.code = any(?)"))
                .params(params)
                .query((rs, n) -> new ActiveSet(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8)))
                .list();
    }
}
