package ru.workready.data.expertise;

import ru.workready.data.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.expertise.Expertise.Decision;
import ru.workready.data.expertise.Expertise.ExpertRow;
import ru.workready.data.expertise.Expertise.Party;
import ru.workready.data.expertise.Expertise.ProposalKind;
import ru.workready.data.expertise.Expertise.Row;
import ru.workready.data.expertise.Expertise.Status;
import ru.workready.data.expertise.Expertise.Verdict;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.OrganisationRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionCodes;

/**
 * What an asked expert does while the expertise is in review: reads the rows, records and changes decisions, proposes
 * missing rows, comments on uncovered ТФ, and submits. Every decision is a new row; the latest one is in force.
 */
@Service
public class ExpertReview {
    private static final int MAX_COMMENT = 4000;

    /** A decision on one row: AGREE, DISAGREE (comment required) or PROPOSE (another type, weight or flag). */
    public record DecisionInput(@Nullable Verdict verdict, @Nullable String comment, @Nullable MappingType type,
                                @Nullable Double weight, @Nullable Boolean critical) {
    }

    /** A missing row (outcome → ТФ or element, type, weight) or a comment on a ТФ the programme should cover. */
    public record ProposalInput(@Nullable ProposalKind kind, @Nullable String outcomeCode,
                                @Nullable String functionCode, @Nullable String element, @Nullable MappingType type,
                                @Nullable Double weight, @Nullable Boolean critical, @Nullable String comment) {
    }

    private final ExpertiseService expertises;
    private final ExpertiseRepository repository;
    private final OrganisationRepository organisations;
    private final ProgrammeRepository programmes;
    private final StandardRepository standards;

    public ExpertReview(ExpertiseService expertises, ExpertiseRepository repository,
                        OrganisationRepository organisations, ProgrammeRepository programmes,
                        StandardRepository standards) {
        this.expertises = expertises;
        this.repository = repository;
        this.organisations = organisations;
        this.programmes = programmes;
        this.standards = standards;
    }

    /**
     * The rows with the texts of outcome, ТФ and element, and the party's own decision in force; filter
     * {@code undecided} keeps rows without one, {@code disputed} rows the party disagreed with or proposed changes to.
     */
    public List<ExpertRow> rows(long id, Party p, @Nullable String filter) {
        ExpertiseRepository.Head h = expertises.head(id, p);
        Map<Long, Decision> mine = new java.util.HashMap<>();
        for (Decision d : repository.decisions(id)) {
            if (d.organisation().equals(p.organisation())) {
                mine.put(d.mappingId(), d);
            }
        }
        return repository.rows(h.mappingSetId()).stream().map(r -> new ExpertRow(r, mine.get(r.mappingId())))
                .filter(r -> filter == null || filter.isBlank()
                        || "undecided".equals(filter) && r.decision() == null
                        || "disputed".equals(filter) && r.decision() != null && r.decision().verdict() != Verdict.AGREE)
                .toList();
    }

    @Transactional
    public ExpertRow decide(long id, long mappingId, DecisionInput in, Party p, long keyId) {
        ExpertiseRepository.Head h = expertises.head(id, p);
        long org = openFor(h, p);
        Row row = repository.rows(h.mappingSetId()).stream().filter(r -> r.mappingId() == mappingId).findFirst()
                .orElseThrow(() -> new NotFoundException("No mapping row " + mappingId + " in expertise " + id));
        List<Problem> problems = new ArrayList<>();
        if (in.verdict() == null) {
            problems.add(new Problem(null, "verdict", null, "AGREE, DISAGREE or PROPOSE"));
        } else if (in.verdict() == Verdict.DISAGREE && (in.comment() == null || in.comment().isBlank())) {
            problems.add(new Problem(null, "comment", null, "a disagreement needs a comment saying why"));
        } else if (in.verdict() == Verdict.AGREE && (in.type() != null || in.weight() != null || in.critical() != null)) {
            problems.add(new Problem(null, "verdict", "AGREE", "an agreement proposes nothing: use PROPOSE"));
        } else if (in.verdict() == Verdict.PROPOSE) {
            checkProposedRow(row, in, problems);
        }
        checkComment(in.comment(), problems);
        fail(ProblemType.INVALID_EXPERTISE_DECISION, "The decision on row " + mappingId, problems);
        repository.insertDecision(id, org, mappingId, in.verdict(), blankToNull(in.comment()),
                in.type(), in.weight(), in.critical(), expertises.now(), keyId);
        return rows(id, p, null).stream().filter(r -> r.row().mappingId() == mappingId).findFirst().orElseThrow();
    }

    private static void checkProposedRow(Row row, DecisionInput in, List<Problem> problems) {
        MappingType type = in.type() == null ? row.type() : in.type();
        double weight = in.weight() == null ? row.weight() : in.weight();
        boolean critical = in.critical() == null ? row.critical() : in.critical();
        if (type == row.type() && Math.abs(weight - row.weight()) < 1e-9 && critical == row.critical()) {
            problems.add(new Problem(null, "verdict", "PROPOSE", "propose another type, weight or critical flag"));
        }
        checkWeight(type, in.weight(), weight, problems);
    }

    private static void checkWeight(MappingType type, @Nullable Double given, double weight, List<Problem> problems) {
        String shown = given == null ? null : given.toString();
        if (!(weight > 0 && weight <= 1)) {
            problems.add(new Problem(null, "weight", shown, "must be a number in (0, 1]"));
        } else if (type == MappingType.RELATED && weight > 0.5) {
            problems.add(new Problem(null, "weight", shown, "a RELATED mapping weighs at most 0.5"));
        } else if (Math.abs(weight * 1000 - Math.rint(weight * 1000)) > 1e-9) {
            problems.add(new Problem(null, "weight", shown, "at most 3 decimal places"));
        }
    }

    @Transactional
    public long propose(long id, ProposalInput in, Party p) {
        ExpertiseRepository.Head h = expertises.head(id, p);
        long org = openFor(h, p);
        List<Problem> problems = new ArrayList<>();
        String fcode = in.functionCode() == null ? null : FunctionCodes.normalize(in.functionCode());
        Long function = fcode == null ? null : standards.functionIds(h.standardId()).get(fcode);
        if (function == null) {
            problems.add(new Problem(null, "functionCode", in.functionCode(), "unknown labour function of "
                    + h.standardCode() + " (приказ " + h.orderNumber() + ")"));
        }
        if (in.kind() == null) {
            problems.add(new Problem(null, "kind", null, "MISSING_ROW or UNCOVERED_FUNCTION"));
        }
        Long outcome = null;
        Long element = null;
        if (in.kind() == ProposalKind.MISSING_ROW) {
            outcome = in.outcomeCode() == null ? null
                    : programmes.outcomeIds(h.programmeId()).get(OutcomeCodes.normalize(in.outcomeCode()));
            if (outcome == null) {
                problems.add(new Problem(null, "outcomeCode", in.outcomeCode(), "unknown outcome of the programme"));
            }
            element = element(h, fcode, in.element(), problems);
            if (in.type() == null) {
                problems.add(new Problem(null, "type", null, "EXACT, PART_OF or RELATED"));
            } else {
                checkWeight(in.type(), in.weight(), in.weight() == null ? Double.NaN : in.weight(), problems);
            }
        } else if (in.kind() == ProposalKind.UNCOVERED_FUNCTION && (in.comment() == null || in.comment().isBlank())) {
            problems.add(new Problem(null, "comment", null, "say why the programme should cover this ТФ"));
        }
        checkComment(in.comment(), problems);
        fail(ProblemType.INVALID_EXPERTISE_PROPOSAL, "The proposal", problems);
        return repository.insertProposal(id, org, in.kind(), outcome, function, element,
                in.kind() == ProposalKind.MISSING_ROW ? in.type() : null,
                in.kind() == ProposalKind.MISSING_ROW ? in.weight() : null,
                Boolean.TRUE.equals(in.critical()), blankToNull(in.comment()), expertises.now());
    }

    private @Nullable Long element(ExpertiseRepository.Head h, @Nullable String function, @Nullable String key,
                                   List<Problem> problems) {
        if (key == null || key.isBlank() || function == null) {
            return null;
        }
        Optional<ElementKind.Key> k = ElementKind.parseKey(key.strip().toUpperCase(Locale.ROOT));
        Long id = k.map(x -> standards.elementIds(h.standardId()).getOrDefault(function, Map.of())
                .get(x.kind().key(x.position()))).orElse(null);
        if (id == null) {
            problems.add(new Problem(null, "element", key, "the labour function " + function + " has no element " + key));
        }
        return id;
    }

    @Transactional
    public void withdraw(long id, long proposalId, Party p) {
        ExpertiseRepository.Head h = expertises.head(id, p);
        if (!repository.withdrawProposal(id, proposalId, openFor(h, p), expertises.now())) {
            throw new NotFoundException("No proposal " + proposalId + " of yours in expertise " + id);
        }
    }

    /** The expert's decisions become final; when the last expert submits, the expertise ends. */
    @Transactional
    public Expertise.Summary submit(long id, Party p) {
        ExpertiseRepository.Head h = expertises.head(id, p);
        repository.markSubmitted(id, openFor(h, p), expertises.now());
        return expertises.summary(repository.head(id).orElseThrow());
    }

    /** The party's organisation id, when it is an asked expert who may still act on this expertise. */
    private long openFor(ExpertiseRepository.Head h, Party p) {
        if (!expertises.isExpert(h, p)) {
            throw new ConflictException(ExpertiseService.CONFLICT, "Only an expert asked to review expertise "
                    + h.id() + " records decisions and proposals");
        }
        Expertise.Summary s = expertises.summary(h);
        if (s.status() != Status.IN_REVIEW) {
            throw new ConflictException(ExpertiseService.CONFLICT, "Expertise " + h.id() + " has ended ("
                    + s.endedAt() + "): decisions can no longer change");
        }
        boolean submitted = s.experts().stream()
                .anyMatch(e -> e.organisation().equals(p.organisation()) && e.submittedAt() != null);
        if (submitted) {
            throw new ConflictException(ExpertiseService.CONFLICT, "You have submitted your review of expertise "
                    + h.id() + ": decisions can no longer change");
        }
        return organisations.find(p.organisation()).orElseThrow().id();
    }

    private static void checkComment(@Nullable String comment, List<Problem> problems) {
        if (comment != null && (comment.length() > MAX_COMMENT || Inputs.hasNul(comment))) {
            problems.add(new Problem(null, "comment", null, "at most " + MAX_COMMENT + " characters, no NUL"));
        }
    }

    private static void fail(ProblemType type, String what, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(type, what + " has " + problems.size() + " problem(s); nothing was stored",
                    problems, problems.size());
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
