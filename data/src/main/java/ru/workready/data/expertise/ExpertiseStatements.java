package ru.workready.data.expertise;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.workready.data.expertise.Expertise.ConcludedRow;
import ru.workready.data.expertise.Expertise.Conclusion;
import ru.workready.data.expertise.Expertise.Expert;
import ru.workready.data.expertise.Expertise.ProposalKind;
import ru.workready.data.expertise.Expertise.RowConclusion;
import ru.workready.data.expertise.Expertise.Status;

/**
 * Whether a mapping version passed employer expertise — the statement readiness answers, reports and employer
 * aggregates carry. A version passed when an ended expertise of it approved every row (PASSED), or when it is the
 * version the college's answer to an expertise made and that answer accepted every row and missing row the experts
 * did not approve (PASSED_WITH_ACCEPTED_CHANGES). docs/expertise.md.
 */
@Service
public class ExpertiseStatements {

    public enum Outcome { NOT_SUBMITTED, IN_REVIEW, NOT_PASSED, PASSED, PASSED_WITH_ACCEPTED_CHANGES }

    /** A row the experts did not simply approve, with the college's answer to it (ACCEPT, KEEP) if any. */
    public record DisputedRow(String outcomeCode, String functionCode, @Nullable String elementKey,
                              RowConclusion conclusion, @Nullable String answer) {
    }

    /**
     * The statement: passed or not, which expertise (and the version it reviewed), when it ended, the organisations
     * that submitted their review, and the rows they disputed.
     */
    public record Statement(Outcome outcome, boolean passed, @Nullable Long expertiseId,
                            @Nullable Integer reviewedVersion, @Nullable OffsetDateTime concludedAt,
                            List<String> experts, List<DisputedRow> disputedRows) {
        static final Statement NONE = new Statement(Outcome.NOT_SUBMITTED, false, null, null, null, List.of(),
                List.of());
    }

    private final ExpertiseService expertises;
    private final ExpertiseRepository repository;
    private final JdbcClient jdbc;

    public ExpertiseStatements(ExpertiseService expertises, ExpertiseRepository repository, JdbcClient jdbc) {
        this.expertises = expertises;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** The statement on a programme's mapping version to a standard edition (none for an unknown version). */
    public Statement ofVersion(long programmeId, long standardId, int version) {
        return jdbc.sql("select id from mapping_set where programme_id = ? and standard_id = ? and version = ?")
                .params(programmeId, standardId, version).query(Long.class).optional().map(this::of)
                .orElse(Statement.NONE);
    }

    public Statement of(long mappingSetId) {
        Conclusion inReview = null;
        Conclusion notApproved = null;
        for (long id : repository.ofMappingSet(mappingSetId)) {
            ExpertiseRepository.Head h = repository.head(id).orElseThrow();
            Conclusion c = expertises.conclusion(h, expertises.summary(h));
            if (c.fin() && c.set() == RowConclusion.APPROVED) {
                return statement(Outcome.PASSED, c, Map.of());
            }
            inReview = inReview == null && !c.fin() ? c : inReview;
            notApproved = notApproved == null && c.fin() ? c : notApproved;
        }
        Optional<Long> source = repository.answeredInto(mappingSetId);
        if (source.isPresent()) {
            ExpertiseRepository.Head h = repository.head(source.get()).orElseThrow();
            Conclusion c = expertises.conclusion(h, expertises.summary(h));
            Map<Long, String> answers = answers(h.id());
            boolean allAccepted = c.rows().stream().allMatch(r -> r.conclusion() == RowConclusion.APPROVED
                    || "ACCEPT".equals(answers.get(r.row().mappingId())))
                    && c.proposals().stream().filter(p -> p.kind() == ProposalKind.MISSING_ROW)
                    .allMatch(p -> "ACCEPT".equals(answers.get(-p.id())));
            return statement(allAccepted ? Outcome.PASSED_WITH_ACCEPTED_CHANGES : Outcome.NOT_PASSED, c, answers);
        }
        if (notApproved != null) {
            return statement(Outcome.NOT_PASSED, notApproved, answers(notApproved.expertise().id()));
        }
        return inReview != null ? statement(Outcome.IN_REVIEW, inReview, Map.of()) : Statement.NONE;
    }

    /**
     * The ТФ codes experts said a mapping version should cover (comments on uncovered ТФ and proposed rows), in an
     * expertise of the version or of the version the answer that made it reviewed.
     */
    public List<String> functionsToCover(long mappingSetId) {
        return jdbc.sql("""
                        select distinct f.code from expertise x join expertise_proposal p on p.expertise_id = x.id
                        join labour_function f on f.id = p.labour_function_id
                        where (x.mapping_set_id = ? or x.id = (select expertise_id from mapping_set where id = ?))
                          and p.withdrawn_at is null order by 1""")
                .params(mappingSetId, mappingSetId).query(String.class).list();
    }

    private static Statement statement(Outcome outcome, Conclusion c, Map<Long, String> answers) {
        List<DisputedRow> disputed = c.rows().stream().filter(r -> r.conclusion() == RowConclusion.DISPUTED
                        || r.conclusion() == RowConclusion.CHANGES_PROPOSED)
                .map(r -> disputed(r, answers.get(r.row().mappingId()))).toList();
        List<String> experts = c.expertise().experts().stream().filter(e -> e.submittedAt() != null)
                .map(Expert::name).toList();
        boolean passed = outcome == Outcome.PASSED || outcome == Outcome.PASSED_WITH_ACCEPTED_CHANGES;
        return new Statement(outcome, passed, c.expertise().id(), c.expertise().mappingVersion(),
                c.expertise().status() == Status.IN_REVIEW ? null : c.expertise().endedAt(), experts, disputed);
    }

    private static DisputedRow disputed(ConcludedRow r, @Nullable String answer) {
        return new DisputedRow(r.row().outcomeCode(), r.row().functionCode(), r.row().elementKey(), r.conclusion(),
                answer);
    }

    /** The answer's actions: by mapping id, and by minus the proposal id for proposals. */
    private Map<Long, String> answers(long expertiseId) {
        return jdbc.sql("""
                        select coalesce(mapping_id, -proposal_id), action from expertise_answer_item
                        where expertise_id = ?""")
                .param(expertiseId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
