package ru.workready.data.assessments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import ru.workready.data.ProblemType;
import ru.workready.data.csv.TabularFormat;

/**
 * Assessment results (свидетельства, Evidence) of a college's students, in any of the upload
 * formats. Each row is checked in full while it streams, students, programmes, outcomes and the
 * ОТФ of НОК rows against look-ups loaded once per upload, and goes straight into the college's
 * evidence partition with one {@code COPY} in the upload's transaction; after the first bad row
 * nothing more is sent, the checks go on for the problem list, and the transaction is rolled back.
 * A stored file marks its students' scores stale in the same transaction. The look-ups are
 * {@link AssessmentLookups}, the rows are checked and staged by {@link AssessmentStager}.
 */
@Service
public class AssessmentUploadService implements UploadLoader {

    /** Columns of an assessment file; the first four are required. */
    public static final List<String> COLUMNS = List.of("student_id", "kind", "result", "assessed_on", "programme",
            "outcome_code", "max_points", "attempt", "assessor", "standard_code", "generalized_function",
            "certificate_number", "conclusion", "place", "comment");
    static final List<String> REQUIRED = COLUMNS.subList(0, 4);
    /** Students listed in an upload's answer; more are counted. */
    static final int STUDENTS_LISTED = 1000;

    /** What an upload stored (or, for a repeated upload, what the first one stored). */
    public record UploadResult(long uploadId, boolean duplicate, int rows, Map<String, Integer> countsByKind,
                               List<String> affectedStudents, List<String> warnings) {
    }

    private final UploadService uploads;
    /** Uploads of at least this size get an evidence partition of their own ({@link EvidencePartitions}). */
    private final DataSize ownPartition;

    private final java.time.Clock clock;

    /** More results than this for one student, outcome and kind in one file get a warning (0: no check). */
    private final int maxResultsPerKey;

    /** Ids in blocks for uploads with a partition of their own. */
    private final EvidenceIds ids;

    @org.springframework.beans.factory.annotation.Autowired
    public AssessmentUploadService(UploadService uploads, UploadProperties settings, java.time.Clock clock,
                                   EvidenceIds ids) {
        this(uploads, settings.ownPartition(), clock, settings.maxResultsPerKey(), ids);
    }

    public AssessmentUploadService(UploadService uploads, DataSize ownPartition, java.time.Clock clock,
                                   int maxResultsPerKey, EvidenceIds ids) {
        this.ids = ids;
        this.maxResultsPerKey = maxResultsPerKey;
        this.clock = clock;
        this.uploads = uploads;
        this.ownPartition = ownPartition;
    }

    /** Uploads content held in memory (demo data, small files) synchronously. */
    public UploadResult upload(String collegeCode, @Nullable String fileName, @Nullable String idempotencyKey,
                               byte[] content) {
        try (UploadSpool spool = UploadSpool.of(content)) {
            TabularFormat format = TabularFormat.detect(null, spool.head());
            UploadService.Receipt receipt = uploads.receive(UploadKind.ASSESSMENTS, collegeCode, fileName,
                    idempotencyKey, spool, format);
            if (receipt.duplicate()) {
                UploadStatus s = uploads.status(receipt.uploadId()).orElseThrow();
                return new UploadResult(s.id(), true, s.rows(), s.countsByKind(),
                        uploads.students(s.id(), STUDENTS_LISTED), s.warnings());
            }
            UploadService.Processed p = uploads.process(receipt.uploadId(), this, spool, format);
            return new UploadResult(p.status().id(), false, p.status().rows(), p.status().countsByKind(), p.students(),
                    p.status().warnings());
        }
    }

    @Override
    public UploadKind kind() {
        return UploadKind.ASSESSMENTS;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.INVALID_ASSESSMENT_FILE;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    /** The stager of a large upload (ids in blocks), over made-up look-ups, into the given table: the warm-up's. */
    Stager rehearsalStager(JdbcClient jdbc, AssessmentLookups lookups, String table) {
        return new AssessmentStager(lookups, 0, 0, "WARM-UP", new EvidencePartitions.Target(table, tx -> { }),
                LocalDate.now(clock), clock.instant(), new ResultVolumes(maxResultsPerKey), ids.source(jdbc));
    }

    @Override
    public Stager stager(JdbcClient jdbc, long uploadId, long collegeId, String collegeCode, long bytes) {
        boolean own = bytes >= ownPartition.toBytes();
        java.time.Instant recordedAt = clock.instant();
        EvidencePartitions.Target target = own ? EvidencePartitions.ownPartition(jdbc, collegeId, uploadId, recordedAt)
                : EvidencePartitions.shared(jdbc, collegeId);
        // small uploads keep the column's default: a block's second connection is worth it only for bulk files
        return new AssessmentStager(AssessmentLookups.load(jdbc, collegeId), uploadId, collegeId, collegeCode, target,
                LocalDate.now(clock), recordedAt, new ResultVolumes(maxResultsPerKey),
                own ? ids.source(jdbc) : null);
    }
}
