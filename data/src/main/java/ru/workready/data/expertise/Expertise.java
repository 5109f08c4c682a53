package ru.workready.data.expertise;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.security.Role;
import ru.workready.engine.mapping.MappingType;

/** The vocabulary of an employer expertise (экспертиза) of one mapping version (docs/expertise.md). */
public final class Expertise {
    private Expertise() {
    }

    /** Who acts: the caller's organisation, role and (for a COLLEGE key) college. */
    public record Party(String organisation, Role role, @Nullable String college) {
    }

    /** An expert's decision on one mapping row. */
    public enum Verdict { AGREE, DISAGREE, PROPOSE }

    /** Where an expertise stands; decided on read from the clock, the submissions and the answer. */
    public enum Status {
        /** Before the deadline and some expert has not submitted. */
        IN_REVIEW,
        /** Every expert submitted, or the deadline passed: the conclusion is final. */
        CONCLUDED,
        /** The college (or designer) has answered the conclusion. */
        ANSWERED
    }

    /** The conclusion on a row, or (the worst of its rows and proposals) on the whole set. */
    public enum RowConclusion { APPROVED, NOT_REVIEWED, CHANGES_PROPOSED, DISPUTED }

    /** Missing rows an expert proposes, and ТФ the expert says the programme should cover. */
    public enum ProposalKind { MISSING_ROW, UNCOVERED_FUNCTION }

    public record Expert(String organisation, String name, @Nullable OffsetDateTime submittedAt) {
    }

    /** One expertise with the programme, the standard edition and the mapping version it reviews. */
    public record Summary(long id, long mappingSetId, int mappingVersion, long programmeId, String college,
                          String fgosCode, String programmeName, int intakeYear, long standardId, String standardCode,
                          String standardName, String orderNumber, String submittedBy,
                          OffsetDateTime submittedAt, OffsetDateTime deadline, int minAgreements,
                          @Nullable String note, Status status, @Nullable OffsetDateTime endedAt,
                          List<Expert> experts, @Nullable Long newMappingSetId) {
    }

    /** A mapping row with the texts an expert reads: the outcome, the ТФ and (if mapped to one) the element. */
    public record Row(long mappingId, String outcomeCode, String outcomeName, String functionCode,
                      String functionName, @Nullable String elementKey, @Nullable String elementText,
                      MappingType type, double weight, boolean critical) {
    }

    public record Decision(long mappingId, String organisation, String organisationName, Verdict verdict,
                           @Nullable String comment, @Nullable MappingType proposedType,
                           @Nullable Double proposedWeight, @Nullable Boolean proposedCritical,
                           OffsetDateTime recordedAt) {
    }

    /** A row as an expert sees it: the row and the expert's own decision in force (null: not yet decided). */
    public record ExpertRow(Row row, @Nullable Decision decision) {
    }

    public record Proposal(long id, String organisation, String organisationName, ProposalKind kind,
                           @Nullable String outcomeCode, @Nullable String outcomeName, String functionCode,
                           String functionName, @Nullable String elementKey, @Nullable MappingType type,
                           @Nullable Double weight, boolean critical, @Nullable String comment,
                           OffsetDateTime recordedAt) {
    }

    /** A row with every expert's decision and the conclusion the rule draws. */
    public record ConcludedRow(Row row, RowConclusion conclusion, int agree, int disagree, int propose,
                               List<Decision> decisions) {
    }

    /** The conclusion; {@code fin} is false while the expertise is in review (then it is a preview). */
    public record Conclusion(Summary expertise, boolean fin, RowConclusion set, List<ConcludedRow> rows,
                             List<Proposal> proposals) {
    }
}
