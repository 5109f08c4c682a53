package ru.workready.data.assessments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import ru.workready.data.StartUpWarmUp;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.standards.FunctionCodes;

/**
 * Once the application is ready ({@link StartUpWarmUp}), sends a made-up assessment file through the upload path —
 * the same reading, checks and COPY loop as an upload, into a temporary table, in a transaction that is rolled
 * back — so that the JIT has compiled that loop before the first large upload needs it: a node's first
 * large upload after a start otherwise spent as much CPU compiling as reading (docs/benchmarks.md). Nothing is
 * stored (the evidence ids it draws are skipped); {@code workready.uploads.warm-up-rows} = 0 turns it off.
 */
@Component
public class UploadWarmUp extends StartUpWarmUp {
    private static final int STUDENTS = 2_000;
    private static final String PROGRAMME = "00.00.00";
    private static final String TABLE = "warm_up_evidence";

    private final UploadService uploads;
    private final AssessmentUploadService assessments;

    UploadWarmUp(UploadService uploads, AssessmentUploadService assessments, UploadProperties settings) {
        super("upload", settings.warmUpRows());
        this.uploads = uploads;
        this.assessments = assessments;
    }

    @Override
    protected String items() {
        return "made-up rows read, checked and copied (rolled back)";
    }

    /** Sends {@code count} made-up rows through the upload path; returns the rows read. Nothing is stored. */
    @Override
    public int run(int count) {
        List<String> students = IntStream.rangeClosed(1, STUDENTS).mapToObj(i -> "warm-up-" + i).toList();
        List<String> professional = new ArrayList<>();
        for (int activity = 1; activity <= 4; activity++) {
            for (int k = 1; k <= 4; k++) {
                professional.add("ПК " + activity + "." + k);
            }
        }
        List<String> outcomes = new ArrayList<>(professional);
        IntStream.rangeClosed(1, 9).mapToObj(k -> "ОК 0" + k).forEach(outcomes::add);
        Map<String, Long> outcomeIds = new HashMap<>();
        for (String code : outcomes) {
            outcomeIds.put(OutcomeCodes.normalize(code), (long) outcomeIds.size() + 1);
        }
        AssessmentLookups lookups = new AssessmentLookups(
                new StudentIndex(students, Collections.nCopies(STUDENTS,
                        new AssessmentLookups.ProgrammeRef(PROGRAMME, outcomeIds))),
                Set.of(ResultRowCheck.qualificationKey(SampleResults.NOK_STANDARD,
                        FunctionCodes.normalize(SampleResults.NOK_FUNCTION))));
        Path file = null;
        try {
            file = Files.createTempFile("workready-warm-up-", ".csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SampleResults.write(out, count, students, PROGRAMME, outcomes, professional, 1);
            }
            try (InputStream in = Files.newInputStream(file); UploadSpool spool = UploadSpool.of(in, Long.MAX_VALUE)) {
                return uploads.rehearse(assessments, jdbc -> {
                    // shaped like an upload's own partition, its constants as defaults; gone with the rollback
                    jdbc.sql("create temp table " + TABLE + " (like evidence including defaults) on commit drop")
                            .update();
                    jdbc.sql("alter table " + TABLE + " alter column segment set default 0, alter column upload_id "
                            + "set default 0, alter column college_id set default 0").update();
                    return assessments.rehearsalStager(jdbc, lookups, TABLE);
                }, spool);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
