package ru.workready.api.expertise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.downloads.Downloads;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.Caller;
import ru.workready.data.InvalidInputException;
import ru.workready.data.ProblemType;
import ru.workready.data.expertise.ConclusionDocument;
import ru.workready.data.expertise.ExpertReview;
import ru.workready.data.expertise.Expertise;
import ru.workready.data.expertise.ExpertiseAnswerService;
import ru.workready.data.expertise.ExpertiseService;
import ru.workready.data.reports.ReportExports;
import ru.workready.data.security.Role;

/**
 * Employer expertise of a mapping version (docs/expertise.md): the college or a designer submits it, the asked
 * experts (EMPLOYER keys, CURRICULUM_DESIGNER keys of REGION organisations) review row by row and submit, the
 * conclusion follows the documented rule, and the college answers. Who sees an expertise: its college, the
 * organisation that submitted it and the experts asked; to anybody else it does not exist (404).
 */
@RestController
@Tag(name = "Employer expertise")
@Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
class ExpertiseController {
    private final ExpertiseService expertises;
    private final ExpertReview review;
    private final ExpertiseAnswerService answers;

    ExpertiseController(ExpertiseService expertises, ExpertReview review, ExpertiseAnswerService answers) {
        this.expertises = expertises;
        this.review = review;
        this.answers = answers;
    }

    @PostMapping("/api/mapping-sets/{id}/expertises")
    @Allowed({Role.COLLEGE, Role.CURRICULUM_DESIGNER})
    @Audited(action = "submit-expertise", subjectKind = "mapping-set", subject = "id")
    @Operation(summary = "Submit a mapping version for employer expertise: experts (codes of EMPLOYER or REGION "
            + "organisations), deadline (a day after today; the expertise ends at the end of it), minAgreements "
            + "(the rule's setting, 1 by default), note. 409 while another expertise of the version is in review")
    ResponseEntity<Expertise.Summary> submit(@PathVariable long id, @RequestBody ExpertiseService.Submission body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(expertises.submit(id, body, party()));
    }

    @GetMapping("/api/expertises")
    @Operation(summary = "The expertises the caller may see: a college its programmes', an expert those it was asked "
            + "to review, a designer those it submitted; status IN_REVIEW, CONCLUDED or ANSWERED, decided now")
    List<Expertise.Summary> list() {
        return expertises.visible(party());
    }

    @GetMapping("/api/expertises/{id}")
    @Operation(summary = "One expertise: programme, standard edition, mapping version, experts and their submissions")
    Expertise.Summary one(@PathVariable long id) {
        return expertises.find(id, party());
    }

    @GetMapping("/api/expertises/{id}/rows")
    @Operation(summary = "The rows under review with the texts of outcome, ТФ and element, and the caller's own "
            + "decision in force; filter=undecided or filter=disputed")
    List<Expertise.ExpertRow> rows(@PathVariable long id, @RequestParam(required = false) @Nullable String filter) {
        if (filter != null && !filter.isBlank() && !List.of("undecided", "disputed").contains(filter)) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER, "filter is undecided or disputed",
                    List.of(new InvalidInputException.Problem(null, "filter", filter, "undecided or disputed")), 1);
        }
        return review.rows(id, party(), filter);
    }

    @PutMapping("/api/expertises/{id}/rows/{mapping}/decision")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Audited(action = "expertise-decision", subjectKind = "expertise", subject = "id")
    @Operation(summary = "Record or change the caller's decision on a row (AGREE; DISAGREE with a comment; PROPOSE "
            + "type, weight or critical), until the caller submits or the expertise ends")
    Expertise.ExpertRow decide(@PathVariable long id, @PathVariable long mapping,
                               @RequestBody ExpertReview.DecisionInput body) {
        return review.decide(id, mapping, body, party(), Caller.current().keyId());
    }

    @PostMapping("/api/expertises/{id}/proposals")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Audited(action = "expertise-proposal", subjectKind = "expertise", subject = "id")
    @Operation(summary = "Propose a missing row (kind MISSING_ROW: outcomeCode, functionCode, element, type, weight, "
            + "critical) or say a ТФ should be covered (kind UNCOVERED_FUNCTION: functionCode, comment)")
    ResponseEntity<java.util.Map<String, Long>> propose(@PathVariable long id,
                                                        @RequestBody ExpertReview.ProposalInput body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(java.util.Map.of("id", review.propose(id, body, party())));
    }

    @DeleteMapping("/api/expertises/{id}/proposals/{proposal}")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Audited(action = "expertise-proposal-withdrawn", subjectKind = "expertise", subject = "id")
    @Operation(summary = "Withdraw one of the caller's proposals (kept in history), until the caller submits")
    ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable long proposal) {
        review.withdraw(id, proposal, party());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/expertises/{id}/submit")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Audited(action = "expertise-submitted", subjectKind = "expertise", subject = "id")
    @Operation(summary = "Submit the caller's review: its decisions become final; the last expert's submission ends "
            + "the expertise")
    Expertise.Summary submitReview(@PathVariable long id) {
        return review.submit(id, party());
    }

    @GetMapping("/api/expertises/{id}/conclusion")
    @Audited(action = "read-expertise-conclusion", subjectKind = "expertise", subject = "id")
    @Operation(summary = "The conclusion: each row with each expert's decision and the rule's conclusion, the set's "
            + "conclusion and the proposals; format=xlsx for the document (Russian, with places for signatures). "
            + "Experts see it once the expertise has ended (409 before); the college at any time (fin=false)")
    ResponseEntity<?> conclusion(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
        Expertise.Conclusion c = expertises.conclusion(id, party());
        if ("xlsx".equals(format)) {
            ConclusionDocument document = new ConclusionDocument(c);
            return Downloads.attachment(Downloads.XLSX, document.fileName() + ".xlsx", ReportExports.xlsx(document));
        }
        if (!"json".equals(format)) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER, "format is json or xlsx",
                    List.of(new InvalidInputException.Problem(null, "format", format, "json or xlsx")), 1);
        }
        return ResponseEntity.ok(c);
    }

    @PostMapping("/api/expertises/{id}/answer")
    @Allowed({Role.COLLEGE, Role.CURRICULUM_DESIGNER})
    @Audited(action = "expertise-answer", subjectKind = "expertise", subject = "id")
    @Operation(summary = "The college's answer to a concluded expertise: rows [{mappingId, action ACCEPT|KEEP, from, "
            + "reply}], proposals [{proposalId, action, reply}], author, reason. Accepting creates the next mapping "
            + "version (active), linked to the expertise")
    ExpertiseAnswerService.Answered answer(@PathVariable long id, @RequestBody ExpertiseAnswerService.AnswerInput body) {
        return answers.answer(id, body, party());
    }

    private static Expertise.Party party() {
        Caller c = Caller.current();
        return new Expertise.Party(c.organisation(), c.role(), c.college());
    }
}
