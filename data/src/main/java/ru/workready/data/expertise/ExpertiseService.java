package ru.workready.data.expertise;

import ru.workready.data.ConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.expertise.Expertise.ConcludedRow;
import ru.workready.data.expertise.Expertise.Conclusion;
import ru.workready.data.expertise.Expertise.Decision;
import ru.workready.data.expertise.Expertise.Expert;
import ru.workready.data.expertise.Expertise.Party;
import ru.workready.data.expertise.Expertise.Proposal;
import ru.workready.data.expertise.Expertise.Row;
import ru.workready.data.expertise.Expertise.RowConclusion;
import ru.workready.data.expertise.Expertise.Status;
import ru.workready.data.expertise.Expertise.Summary;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.mapping.MappingRepository.MappingSetSummary;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.OrganisationRepository;
import ru.workready.data.security.Role;

/**
 * Submitting a mapping version for expertise, who sees which expertise, and its conclusion. Whether an expertise has
 * ended is decided here on every read, from the clock and the experts' submissions; nothing wakes up at the deadline.
 */
@Service
public class ExpertiseService {
    static final ProblemType CONFLICT = ProblemType.EXPERTISE_CONFLICT;
    private static final int MAX_NOTE = 4000;

    /** What the college or designer asks: which organisations, until which day (inclusive), by which rule setting. */
    public record Submission(@Nullable List<String> experts, @Nullable LocalDate deadline,
                             @Nullable Integer minAgreements, @Nullable String note) {
    }

    private final ExpertiseRepository repository;
    private final MappingRepository mappings;
    private final ProgrammeRepository programmes;
    private final OrganisationRepository organisations;
    private final Clock clock;

    public ExpertiseService(ExpertiseRepository repository, MappingRepository mappings, ProgrammeRepository programmes,
                            OrganisationRepository organisations, Clock clock) {
        this.repository = repository;
        this.mappings = mappings;
        this.programmes = programmes;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional
    public Summary submit(long mappingSetId, Submission s, Party by) {
        MappingSetSummary set = mappings.set(mappingSetId)
                .orElseThrow(() -> new NotFoundException("No mapping set with id " + mappingSetId));
        String college = programmes.summary(set.programmeId()).orElseThrow().collegeCode();
        if (by.role() == Role.COLLEGE && !college.equals(by.college())) {
            throw new NotFoundException("No mapping set with id " + mappingSetId);
        }
        List<Long> experts = checkSubmission(s);
        mappings.lockVersions(set.programmeId(), set.standardId());
        for (long other : repository.ofMappingSet(mappingSetId)) {
            if (status(repository.head(other).orElseThrow()) == Status.IN_REVIEW) {
                throw new ConflictException(CONFLICT, "Mapping version " + set.version()
                        + " is already under expertise " + other + " until its deadline or every expert submits");
            }
        }
        OffsetDateTime deadline = s.deadline().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        long id = repository.insert(mappingSetId, by.organisation(), by.role().name(), now(), deadline,
                s.minAgreements() == null ? 1 : s.minAgreements(), s.note() == null || s.note().isBlank() ? null : s.note().strip(), experts);
        return summary(repository.head(id).orElseThrow());
    }

    private List<Long> checkSubmission(Submission s) {
        List<Problem> problems = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<String> experts = s.experts() == null ? List.of() : s.experts();
        if (experts.isEmpty()) {
            problems.add(new Problem(null, "experts", null, "name at least one EMPLOYER or REGION organisation"));
        }
        for (int i = 0; i < experts.size(); i++) {
            String code = experts.get(i) == null ? "" : experts.get(i).strip();
            Optional<OrganisationRepository.Organisation> org = organisations.find(code);
            if (org.isEmpty()) {
                problems.add(new Problem(i + 1, "experts", code, "unknown organisation"));
            } else if (org.get().kind() != OrganisationKind.EMPLOYER && org.get().kind() != OrganisationKind.REGION) {
                problems.add(new Problem(i + 1, "experts", code, "an expert is an EMPLOYER or REGION organisation, not "
                        + org.get().kind()));
            } else if (ids.contains(org.get().id())) {
                problems.add(new Problem(i + 1, "experts", code, "named twice"));
            } else {
                ids.add(org.get().id());
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (s.deadline() == null || !s.deadline().isAfter(today) || !Inputs.inRange(s.deadline())) {
            problems.add(new Problem(null, "deadline", s.deadline() == null ? null : s.deadline().toString(),
                    "a day after today (" + today + "); the expertise ends at the end of that day"));
        }
        Integer min = s.minAgreements();
        if (min != null && (min < 1 || min > Math.max(1, experts.size()))) {
            problems.add(new Problem(null, "minAgreements", min.toString(), "from 1 to the number of experts"));
        }
        if (s.note() != null && (s.note().length() > MAX_NOTE || Inputs.hasNul(s.note()))) {
            problems.add(new Problem(null, "note", null, "at most " + MAX_NOTE + " characters, no NUL"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ProblemType.INVALID_EXPERTISE, "The expertise cannot be submitted: "
                    + problems.size() + " problem(s); nothing was stored", problems, problems.size());
        }
        return ids;
    }

    /** The expertises the party may see: a college its programmes', an organisation those it submitted or is asked to. */
    public List<Summary> visible(Party p) {
        List<ExpertiseRepository.Head> heads = p.role() == Role.ADMIN ? repository.heads(null, null)
                : p.role() == Role.COLLEGE ? repository.heads(p.college(), null)
                : repository.heads(p.college(), p.organisation());
        return heads.stream().map(this::summary).toList();
    }

    /** One expertise, if the party may see it; otherwise the same 404 as for an unknown id. */
    public Summary find(long id, Party p) {
        return summary(head(id, p));
    }

    ExpertiseRepository.Head head(long id, Party p) {
        ExpertiseRepository.Head h = repository.head(id)
                .orElseThrow(() -> new NotFoundException("No expertise with id " + id));
        if (!isOwner(h, p) && !isExpert(h, p)) {
            throw new NotFoundException("No expertise with id " + id);
        }
        return h;
    }

    /** The college of the programme, the organisation that submitted it, or the operator. */
    boolean isOwner(ExpertiseRepository.Head h, Party p) {
        return p.role() == Role.ADMIN || h.college().equals(p.college())
                || p.role() != Role.COLLEGE && h.submittedBy().equals(p.organisation());
    }

    boolean isExpert(ExpertiseRepository.Head h, Party p) {
        return (p.role() == Role.EMPLOYER || p.role() == Role.CURRICULUM_DESIGNER)
                && repository.experts(h.id()).stream().anyMatch(e -> e.organisation().equals(p.organisation()));
    }

    /**
     * Every row with every expert's decision and the rule's conclusion. The college sees it at any time (a preview
     * while in review); an expert only once the expertise has ended, so that experts judge independently.
     */
    public Conclusion conclusion(long id, Party p) {
        ExpertiseRepository.Head h = head(id, p);
        Summary s = summary(h);
        if (s.status() == Status.IN_REVIEW && !isOwner(h, p)) {
            throw new ConflictException(CONFLICT, "The conclusion is shown to experts once the expertise has "
                    + "ended (deadline " + s.deadline() + ")");
        }
        return conclusion(h, s);
    }

    Conclusion conclusion(ExpertiseRepository.Head h, Summary s) {
        Map<Long, List<Decision>> byRow = repository.decisions(h.id()).stream()
                .collect(Collectors.groupingBy(Decision::mappingId));
        List<ConcludedRow> rows = new ArrayList<>();
        for (Row r : repository.rows(h.mappingSetId())) {
            List<Decision> ds = byRow.getOrDefault(r.mappingId(), List.of());
            rows.add(new ConcludedRow(r, ConclusionRule.row(ds, h.minAgreements()),
                    (int) ConclusionRule.count(ds, Expertise.Verdict.AGREE),
                    (int) ConclusionRule.count(ds, Expertise.Verdict.DISAGREE),
                    (int) ConclusionRule.count(ds, Expertise.Verdict.PROPOSE), ds));
        }
        List<Proposal> proposals = repository.proposals(h.id()).stream()
                .map(ExpertiseRepository.StoredProposal::proposal).toList();
        RowConclusion set = ConclusionRule.set(rows.stream().map(ConcludedRow::conclusion).toList(),
                new HashSet<>(proposals.stream().map(Proposal::kind).toList()));
        return new Conclusion(s, s.status() != Status.IN_REVIEW, set, rows, proposals);
    }

    Summary summary(ExpertiseRepository.Head h) {
        List<Expert> experts = repository.experts(h.id());
        OffsetDateTime ended = endedAt(h, experts);
        Status status = h.answeredAt() != null ? Status.ANSWERED : ended != null ? Status.CONCLUDED : Status.IN_REVIEW;
        return new Summary(h.id(), h.mappingSetId(), h.version(), h.programmeId(), h.college(), h.fgosCode(),
                h.programmeName(), h.intakeYear(), h.standardId(), h.standardCode(), h.standardName(),
                h.orderNumber(), h.submittedBy(), h.submittedAt(), h.deadline(), h.minAgreements(), h.note(), status,
                ended, experts, h.newMappingSetId());
    }

    Status status(ExpertiseRepository.Head h) {
        return summary(h).status();
    }

    /** When every expert submitted (the last submission), else the deadline once it has passed, else null. */
    private @Nullable OffsetDateTime endedAt(ExpertiseRepository.Head h, List<Expert> experts) {
        if (experts.stream().allMatch(e -> e.submittedAt() != null)) {
            return experts.stream().map(Expert::submittedAt).max(OffsetDateTime::compareTo).orElse(h.submittedAt());
        }
        return now().isBefore(h.deadline()) ? null : h.deadline();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
