package ru.workready.data.expertise;

import ru.workready.data.ConflictException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;
import ru.workready.data.expertise.Expertise.ConcludedRow;
import ru.workready.data.expertise.Expertise.Conclusion;
import ru.workready.data.expertise.Expertise.Decision;
import ru.workready.data.expertise.Expertise.Party;
import ru.workready.data.expertise.Expertise.ProposalKind;
import ru.workready.data.expertise.Expertise.RowConclusion;
import ru.workready.data.expertise.Expertise.Status;
import ru.workready.data.expertise.Expertise.Verdict;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.mapping.MappingRepository.ResolvedMapping;
import ru.workready.data.security.OrganisationRepository;

/**
 * The college's (or designer's) answer to a concluded expertise. Every disputed row and every proposed missing row is
 * answered: ACCEPT takes the expert's proposal over (or drops a row experts only disagreed with, or adds the missing
 * row); KEEP leaves it with a reply. Any acceptance stores the next mapping version, made from the reviewed one, with
 * the author and reason and a link to the expertise; it becomes the active version.
 */
@Service
public class ExpertiseAnswerService {

    public enum Action { ACCEPT, KEEP }

    /** An answer to a row; {@code from} names the expert whose proposal is taken when several proposed. */
    public record RowAnswer(@Nullable Long mappingId, @Nullable Action action, @Nullable String from,
                            @Nullable String reply) {
    }

    public record ProposalAnswer(@Nullable Long proposalId, @Nullable Action action, @Nullable String reply) {
    }

    public record AnswerInput(@Nullable String author, @Nullable String reason, @Nullable List<RowAnswer> rows,
                              @Nullable List<ProposalAnswer> proposals) {
    }

    public record Answered(long expertiseId, @Nullable Long newMappingSetId, @Nullable Integer newVersion,
                           int accepted, int kept) {
    }

    private final ExpertiseService expertises;
    private final ExpertiseRepository repository;
    private final MappingRepository mappings;
    private final OrganisationRepository organisations;
    private final JdbcClient jdbc;

    public ExpertiseAnswerService(ExpertiseService expertises, ExpertiseRepository repository,
                                  MappingRepository mappings, OrganisationRepository organisations, JdbcClient jdbc) {
        this.expertises = expertises;
        this.repository = repository;
        this.mappings = mappings;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Transactional
    public Answered answer(long id, AnswerInput in, Party p) {
        ExpertiseRepository.Head h = expertises.head(id, p);
        Expertise.Summary s = concludedForOwner(id, h, p);
        Conclusion c = expertises.conclusion(h, s);
        List<Problem> problems = new ArrayList<>();
        Map<Long, ResolvedMapping> rows = mappings.resolvedRowsById(h.mappingSetId());
        List<Object[]> items = new ArrayList<>();
        boolean changed = applyRows(c, in.rows() == null ? List.of() : in.rows(), rows, items, problems);
        changed |= applyProposals(id, in.proposals() == null ? List.of() : in.proposals(), rows, items, problems);
        requireAuthorAndReason(in, changed, problems);
        Long newSet = changed ? mappings.insertVersion(h.programmeId(), h.standardId(), in.author().strip(),
                new ArrayList<>(rows.values()), in.reason().strip(), id) : null;
        storeAnswer(id, in, p, newSet, items);
        long accepted = items.stream().filter(i -> Action.ACCEPT.name().equals(i[2])).count();
        return new Answered(id, newSet, newSet == null ? null : mappings.set(newSet).orElseThrow().version(),
                (int) accepted, items.size() - (int) accepted);
    }

    /**
     * The expertise's summary once it is concluded and not yet answered, read under the lock on the mapping's
     * versions; only the programme's college or the organisation that submitted it may answer.
     */
    private Expertise.Summary concludedForOwner(long id, ExpertiseRepository.Head h, Party p) {
        if (!expertises.isOwner(h, p)) {
            throw new ConflictException(ExpertiseService.CONFLICT, "Only the programme's college or the "
                    + "organisation that submitted expertise " + id + " answers its conclusion");
        }
        mappings.lockVersions(h.programmeId(), h.standardId());
        Expertise.Summary s = expertises.summary(repository.head(id).orElseThrow());
        if (s.status() != Status.CONCLUDED) {
            throw new ConflictException(ExpertiseService.CONFLICT, s.status() == Status.ANSWERED
                    ? "Expertise " + id + " has already been answered"
                    : "Expertise " + id + " is in review until " + s.deadline() + " or every expert submits");
        }
        return s;
    }

    /** A reason always, an author when the mapping changes; throws with every problem found so far. */
    private static void requireAuthorAndReason(AnswerInput in, boolean changed, List<Problem> problems) {
        if (changed && (in.author() == null || in.author().isBlank())) {
            problems.add(new Problem(null, "author", null, "a new mapping version needs an author"));
        }
        if (in.reason() == null || in.reason().isBlank()) {
            problems.add(new Problem(null, "reason", null, "say why (it is recorded with the answer)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ProblemType.INVALID_EXPERTISE_ANSWER, "The answer has " + problems.size()
                    + " problem(s); nothing was stored", problems, problems.size());
        }
    }

    /** Stores the answer and its items: one per row answered or proposal decided. */
    private void storeAnswer(long id, AnswerInput in, Party p, @Nullable Long newSet, List<Object[]> items) {
        jdbc.sql("""
                        insert into expertise_answer (expertise_id, answered_by, author, reason, answered_at,
                                                      new_mapping_set_id)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, p.organisation(), in.author() == null ? p.organisation() : in.author().strip(),
                        in.reason().strip(), expertises.now(), newSet)
                .update();
        for (Object[] item : items) {
            jdbc.sql("""
                            insert into expertise_answer_item (expertise_id, mapping_id, proposal_id, action,
                                                               from_organisation, reply)
                            values (?, ?, ?, ?, ?, ?)""").params(id, item[0], item[1], item[2], item[3], item[4])
                    .update();
        }
    }

    /** Applies the answers to rows; every DISPUTED or CHANGES_PROPOSED row needs one. True when a row changed. */
    private boolean applyRows(Conclusion c, List<RowAnswer> answers, Map<Long, ResolvedMapping> rows,
                              List<Object[]> items, List<Problem> problems) {
        Map<Long, ConcludedRow> open = new LinkedHashMap<>();
        for (ConcludedRow r : c.rows()) {
            if (r.conclusion() == RowConclusion.DISPUTED || r.conclusion() == RowConclusion.CHANGES_PROPOSED) {
                open.put(r.row().mappingId(), r);
            }
        }
        boolean changed = false;
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            RowAnswer a = answers.get(i);
            int n = i + 1;
            ConcludedRow r = a.mappingId() == null ? null : open.get(a.mappingId());
            if (r == null) {
                problems.add(new Problem(n, "rows.mappingId", String.valueOf(a.mappingId()),
                        "not a disputed row of this expertise (or changes proposed)"));
            } else if (seen.putIfAbsent(a.mappingId(), n) != null) {
                problems.add(new Problem(n, "rows.mappingId", a.mappingId().toString(), "answered twice"));
            } else if (a.action() == null) {
                problems.add(new Problem(n, "rows.action", null, "ACCEPT or KEEP"));
            } else if (a.action() == Action.KEEP) {
                changed |= keep(n, a.mappingId(), null, a.reply(), items, problems);
            } else {
                changed |= accept(n, r, a, rows, items, problems);
            }
        }
        for (Long missing : open.keySet()) {
            if (!seen.containsKey(missing)) {
                ConcludedRow r = open.get(missing);
                problems.add(new Problem(null, "rows", missing.toString(), "row " + r.row().outcomeCode() + " → "
                        + r.row().functionCode() + " is " + r.conclusion() + " and needs an answer (ACCEPT or KEEP)"));
            }
        }
        return changed;
    }

    private boolean keep(int n, @Nullable Long mappingId, @Nullable Long proposalId, @Nullable String reply,
                         List<Object[]> items, List<Problem> problems) {
        if (reply == null || reply.isBlank()) {
            problems.add(new Problem(n, "reply", null, "keeping needs a reply to the experts"));
        } else {
            items.add(new Object[] {mappingId, proposalId, Action.KEEP.name(), null, reply.strip()});
        }
        return false;
    }

    /** Takes over one expert's proposal for the row, or drops a row the experts only disagreed with. */
    private boolean accept(int n, ConcludedRow r, RowAnswer a, Map<Long, ResolvedMapping> rows, List<Object[]> items,
                           List<Problem> problems) {
        List<Decision> proposals = r.decisions().stream().filter(d -> d.verdict() == Verdict.PROPOSE)
                .filter(d -> a.from() == null || d.organisation().equals(a.from())).toList();
        long id = r.row().mappingId();
        if (proposals.isEmpty() && a.from() != null) {
            problems.add(new Problem(n, "rows.from", a.from(), "this expert proposed no change to the row"));
            return false;
        }
        if (proposals.size() > 1) {
            problems.add(new Problem(n, "rows.from", null, "several experts proposed changes: name the one taken ("
                    + String.join(", ", proposals.stream().map(Decision::organisation).toList()) + ")"));
            return false;
        }
        Long from = null;
        if (proposals.isEmpty()) {
            rows.remove(id);
        } else {
            Decision d = proposals.get(0);
            ResolvedMapping old = rows.get(id);
            rows.put(id, new ResolvedMapping(old.outcomeId(), old.labourFunctionId(), old.elementId(),
                    Objects.requireNonNullElse(d.proposedType(), old.type()),
                    Objects.requireNonNullElse(d.proposedWeight(), old.weight()),
                    Objects.requireNonNullElse(d.proposedCritical(), old.critical())));
            from = organisations.find(d.organisation()).orElseThrow().id();
        }
        items.add(new Object[] {id, null, Action.ACCEPT.name(), from, a.reply() == null ? null : a.reply().strip()});
        return true;
    }

    /** Every proposed missing row needs an answer; accepting adds it. Comments on uncovered ТФ may get a reply. */
    private boolean applyProposals(long id, List<ProposalAnswer> answers, Map<Long, ResolvedMapping> rows,
                                   List<Object[]> items, List<Problem> problems) {
        Map<Long, ExpertiseRepository.StoredProposal> open = new LinkedHashMap<>();
        repository.proposals(id).forEach(p -> open.put(p.proposal().id(), p));
        boolean changed = false;
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            ProposalAnswer a = answers.get(i);
            int n = i + 1;
            ExpertiseRepository.StoredProposal p = a.proposalId() == null ? null : open.get(a.proposalId());
            if (p == null) {
                problems.add(new Problem(n, "proposals.proposalId", String.valueOf(a.proposalId()),
                        "not a proposal of this expertise"));
            } else if (seen.putIfAbsent(a.proposalId(), n) != null) {
                problems.add(new Problem(n, "proposals.proposalId", a.proposalId().toString(), "answered twice"));
            } else if (a.action() != Action.ACCEPT) {
                keep(n, null, a.proposalId(), a.reply(), items, problems);
            } else if (p.proposal().kind() != ProposalKind.MISSING_ROW) {
                problems.add(new Problem(n, "proposals.action", "ACCEPT", "a comment on an uncovered ТФ is answered "
                        + "with KEEP and a reply; cover the ТФ with a new mapping upload"));
            } else if (rows.values().stream().anyMatch(r -> r.outcomeId() == p.outcomeId()
                    && r.labourFunctionId() == p.functionId())) {
                problems.add(new Problem(n, "proposals.proposalId", a.proposalId().toString(),
                        "the outcome is already mapped to this labour function"));
            } else {
                rows.put(-p.proposal().id(), new ResolvedMapping(p.outcomeId(), p.functionId(), p.elementId(),
                        p.proposal().type(), p.proposal().weight(), p.proposal().critical()));
                items.add(new Object[] {null, a.proposalId(), Action.ACCEPT.name(), p.organisationId(),
                        a.reply() == null ? null : a.reply().strip()});
                changed = true;
            }
        }
        open.values().stream().filter(p -> p.proposal().kind() == ProposalKind.MISSING_ROW)
                .filter(p -> !seen.containsKey(p.proposal().id()))
                .forEach(p -> problems.add(new Problem(null, "proposals", String.valueOf(p.proposal().id()),
                        "the proposed row " + p.proposal().outcomeCode() + " → " + p.proposal().functionCode()
                                + " needs an answer (ACCEPT or KEEP)")));
        return changed;
    }
}
