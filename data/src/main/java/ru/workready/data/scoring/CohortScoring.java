package ru.workready.data.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.rulesets.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.scoring.BulkScoringRepository;
import ru.workready.data.scoring.BulkScoringRepository.StudentRow;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.scoring.StudentReadiness;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Scores many students a batch at a time: one query for a batch's evidence, programme mappings
 * and standards loaded once per programme and reused. Used by rescoring jobs and rule-set previews.
 */
@Component
public class CohortScoring {

    /** A programme's mapping to one standard edition, with everything the evaluator and the writer need. */
    record ProgrammeStandard(long programmeId, int programmeLevel, MappingRepository.ActiveMapping mapping,
                             ProfessionalStandard standard, Map<String, Long> functionIds) {
    }

    /** One student scored against one standard. */
    public record Scored(StudentRow student, ProgrammeStandard target, StudentReadiness readiness) {
    }

    /** Per-run caches (programmes, mappings, standards); thread-safe. */
    public final class Context {
        private final Map<String, List<ProgrammeStandard>> byProgramme = new ConcurrentHashMap<>();
        private final @Nullable String standardCode;
        /** One date for the whole run: a job that crosses midnight judges every student alike. */
        private final LocalDate today;

        Context(@Nullable String standardCode, LocalDate today) {
            this.standardCode = standardCode;
            this.today = today;
        }

        LocalDate today() {
            return today;
        }

        List<ProgrammeStandard> targets(long programmeId) {
            return byProgramme.computeIfAbsent(Long.toString(programmeId), k -> load(programmeId));
        }

        private List<ProgrammeStandard> load(long programmeId) {
            int level = programmes.summary(programmeId).orElseThrow().qualificationLevel();
            List<String> codes = standardCode != null ? List.of(standardCode) : mappings.mappedStandardCodes(programmeId);
            List<ProgrammeStandard> result = new ArrayList<>();
            for (String code : codes) {
                mappings.active(programmeId, code).ifPresent(m -> result.add(new ProgrammeStandard(programmeId, level,
                        m, standards.load(m.standardId(), false).orElseThrow(), standards.functionIds(m.standardId()))));
            }
            return result;
        }
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private final BulkScoringRepository bulk;
    private final ProgrammeRepository programmes;
    private final MappingRepository mappings;
    private final StandardRepository standards;
    private final Clock clock;
    private final RuleBaseRegistry ruleBases;

    CohortScoring(BulkScoringRepository bulk, ProgrammeRepository programmes, MappingRepository mappings,
                  StandardRepository standards, Clock clock, RuleBaseRegistry ruleBases) {
        this.ruleBases = ruleBases;
        this.clock = clock;
        this.bulk = bulk;
        this.programmes = programmes;
        this.mappings = mappings;
        this.standards = standards;
    }

    public Context context(@Nullable String standardCode) {
        return new Context(standardCode, LocalDate.now(clock));
    }

    /** Histories of a batch, read once, to score under one or more rule sets. */
    public Map<String, List<Evidence>> histories(List<StudentRow> batch) {
        return bulk.histories(batch.stream().map(StudentRow::id).toList());
    }

    /**
     * Rescores these students against every standard their programme is mapped to and stores the scores, in the
     * caller's transaction, by the rescoring job's path (one read, one delete and one COPY) but with the outcomes'
     * contributions a student's own scoring stores (cohort reports and shortlists read them): the stale-score work,
     * which took their marks. Returns the number of scores written.
     */
    public long rescore(List<String> studentIds) {
        List<StudentRow> batch = bulk.studentsById(studentIds);
        Map<String, CompiledRuleSet> ruleSets = new java.util.HashMap<>();
        List<Scored> scored = score(context(null), batch, histories(batch), s -> ruleSets.computeIfAbsent(
                s.collegeCode(), c -> ruleBases.forCollege(c, s.region())));
        ScoreBatch rows = rows(scored, java.time.OffsetDateTime.now(clock), true);
        bulk.replaceScores(rows, Map.of());
        return rows.rows();
    }

    /**
     * The scores as the rows {@link BulkScoringRepository#replaceScores} writes (functions of the edition only), with
     * the outcomes' contributions in the explanation as a student's own scoring stores them, or without (a rescoring
     * job's compact rows).
     */
    static ScoreBatch rows(List<Scored> scored, java.time.OffsetDateTime computedAt, boolean withOutcomes) {
        ScoreBatch rows = new ScoreBatch(scored.size() * 16, computedAt);
        for (Scored s : scored) {
            Map<String, Long> functionIds = s.target().functionIds();
            String ruleSetVersion = s.readiness().ruleSetVersion();
            long mappingSetId = s.target().mapping().mappingSetId();
            for (ru.workready.engine.scoring.FunctionScore f : s.readiness().functions()) {
                Long fid = functionIds.get(f.code());
                if (fid != null) {
                    rows.add(s.student().collegeId(), s.student().id(), fid, f.readiness(), f.coverage(),
                            f.level().name(), f.rules(), f.decidedBy(), f.reason(), f.reasonRu(),
                            withOutcomes ? JSON.writeValueAsString(f.outcomes()) : null, ruleSetVersion,
                            mappingSetId);
                }
            }
        }
        return rows;
    }

    public List<Scored> score(Context ctx, List<StudentRow> batch, Map<String, List<Evidence>> histories,
                       Function<StudentRow, CompiledRuleSet> ruleSet) {
        List<Scored> result = new ArrayList<>(batch.size() * 2);
        for (StudentRow s : batch) {
            CompiledRuleSet rules = ruleSet.apply(s);
            for (ProgrammeStandard t : ctx.targets(s.programmeId())) {
                ScoringInput in = new ScoringInput(s.id(), t.standard(), t.programmeLevel(), t.mapping().mappings(),
                        histories.getOrDefault(s.id(), List.of()), ctx.today());
                result.add(new Scored(s, t, rules.readiness().evaluate(in)));
            }
        }
        return result;
    }
}
