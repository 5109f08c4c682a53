package ru.workready.api.standards;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.standards.EditionDiff;
import ru.workready.data.standards.StandardImportService;

/**
 * An edition an import stored or found unchanged, with its counts of ОТФ and ТФ and, for a new edition of a
 * known code, what changed from the previous one.
 */
record ImportedStandardView(long id, String code, String name, String orderNumber, LocalDate approvalDate,
                            boolean created, int generalizedFunctions, int labourFunctions,
                            StandardImportService.Status status, boolean current, @Nullable EditionDiffView diff) {

    /** The files of a multipart import, each with the editions it held. */
    record FileView(String file, List<ImportedStandardView> standards) {
        static FileView from(StandardImportService.FileResult f) {
            return new FileView(f.file(), f.standards().stream().map(ImportedStandardView::from).toList());
        }
    }

    /**
     * What changed in the labour functions from the previous edition, and the active mapping versions that point
     * at it and should be reviewed.
     */
    record EditionDiffView(long comparedWithId, String comparedWithOrderNumber, LocalDate comparedWithApprovalDate,
                           List<String> added, List<String> removed, List<EditionDiff.Renamed> renamed,
                           List<String> elementsChanged, int unchanged, List<MappingToReview> mappingsToReview,
                           boolean empty) {
        static EditionDiffView from(EditionDiff d) {
            return new EditionDiffView(d.comparedWithId(), d.comparedWithOrderNumber(), d.comparedWithApprovalDate(),
                    d.added(), d.removed(), d.renamed(), d.elementsChanged(), d.unchanged(),
                    d.mappingsToReview().stream().map(m -> new MappingToReview(m.mappingSetId(), m.programmeId(),
                            m.version())).toList(), d.isEmpty());
        }
    }

    /** An active mapping version of a programme that points at the previous edition. */
    record MappingToReview(long mappingSetId, long programmeId, int version) {
    }

    static ImportedStandardView from(StandardImportService.Imported i) {
        return new ImportedStandardView(i.id(), i.code(), i.name(), i.orderNumber(), i.approvalDate(), i.created(),
                i.generalizedFunctions(), i.labourFunctions(), i.status(), i.current(),
                i.diff() == null ? null : EditionDiffView.from(i.diff()));
    }
}
