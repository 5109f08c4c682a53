package ru.workready.data.assessments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code workready.uploads.*}: how uploads are received, run, watched and stopped (docs/ingestion.md,
 * docs/configuration.md). Sizes take units ({@code 16MB}); a bare number is bytes, as the older long settings were.
 *
 * @param maxBytes              largest accepted body (413 beyond)
 * @param asyncBytes            bodies larger than this run in the background (202 and a status resource)
 * @param inlineRescoreStudents rescoring in the request up to this many students; more are marked stale
 * @param ownPartition          files of this size or more get an evidence partition of their own
 * @param maxResultsPerKey      more results for one student, outcome and kind in one file get a warning (0: off)
 * @param heartbeatEvery        how often a node beats for its running uploads
 * @param heartbeatTimeout      a processing upload silent this long is marked FAILED by any node
 * @param shutdownGrace         on shutdown, how long running uploads may still complete
 * @param warmUpRows            made-up rows run through the upload path once the application is ready (0: none)
 * @param readWhileReceiving    a large CSV is read while its body arrives, unless it waits this long in all for its
 *                              bytes (then it is read once whole; 0: bodies are always read once whole)
 * @param xlsx                  what an uploaded workbook may unpack to
 */
@ConfigurationProperties("workready.uploads")
@Validated
public record UploadProperties(
        @DefaultValue("2GB") DataSize maxBytes,
        @DefaultValue("8MB") DataSize asyncBytes,
        @DefaultValue("200") @PositiveOrZero int inlineRescoreStudents,
        @DefaultValue("16MB") DataSize ownPartition,
        @DefaultValue("50") @PositiveOrZero int maxResultsPerKey,
        @DefaultValue("10s") @DurationMin(millis = 1) Duration heartbeatEvery,
        @DefaultValue("1m") @DurationMin(millis = 1) Duration heartbeatTimeout,
        @DefaultValue("20s") @DurationMin(millis = 0) Duration shutdownGrace,
        @DefaultValue("200000") @PositiveOrZero int warmUpRows,
        @DefaultValue("10s") @DurationMin(millis = 0) Duration readWhileReceiving,
        @DefaultValue @Valid Xlsx xlsx) {

    /**
     * {@code workready.uploads.xlsx.*} (docs/ingestion.md, "Workbooks").
     *
     * @param maxSheetBytes         the worksheet read, unpacked (streamed)
     * @param maxPartBytes          any other part of the workbook, unpacked
     * @param maxSharedStringsBytes the shared-strings part, unpacked
     * @param maxSharedStrings      strings in the shared-strings table
     */
    public record Xlsx(
            @DefaultValue("1GB") DataSize maxSheetBytes,
            @DefaultValue("8MB") DataSize maxPartBytes,
            @DefaultValue("32MB") DataSize maxSharedStringsBytes,
            @DefaultValue("1000000") @Positive int maxSharedStrings) {
    }
}
