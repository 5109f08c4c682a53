package ru.workready.data.standards;

import ru.workready.data.ConflictException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.Hashes;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;
import ru.workready.engine.standards.FunctionElement;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;
import ru.workready.engine.standards.StandardDetails;

/**
 * Imports Ministry of Labour XML files, single or bulk, all-or-nothing per file. Editions are
 * keyed by code + order number + approval date: an edition already stored with the same content
 * is a no-op; the same edition with other functions is refused (409), never overwritten. A new
 * edition of a code already stored is compared with the edition that was current, and the
 * differences (ТФ added, removed, renamed) are reported with the mappings to review.
 */
@Service
public class StandardImportService {

    /** What happened to one standard of the file. */
    public enum Status {
        /** A new edition was stored. */
        CREATED,
        /** The same edition with the same content was already stored: nothing changed. */
        UNCHANGED
    }

    /**
     * What happened to one standard of the file; {@code diff} compares a new edition with the
     * edition of the same code that was current before the import (null for the first edition).
     */
    public record Imported(long id, String code, String name, String orderNumber, LocalDate approvalDate,
                           boolean created, int generalizedFunctions, int labourFunctions, Status status,
                           boolean current, @Nullable EditionDiff diff) {
    }

    private final StandardRepository standards;
    private final MintrudXmlReader reader = new MintrudXmlReader();

    public StandardImportService(StandardRepository standards) {
        this.standards = standards;
    }

    @Transactional
    public List<Imported> importXml(byte[] content) {
        return importXml(new ByteArrayInputStream(content));
    }

    /** Streams the file (StAX): each standard is stored as soon as it has been read. */
    @Transactional
    public List<Imported> importXml(InputStream content) {
        List<Imported> result = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        try {
            reader.read(content, s -> {
                String key = s.code() + " " + s.orderNumber() + " " + s.approvalDate();
                Integer first = seen.putIfAbsent(key, seen.size() + 1);
                if (first != null) {
                    throw new InvalidInputException(ProblemType.INVALID_STANDARD_XML,
                            "The file holds edition " + s.code()
                            + " (order " + s.orderNumber() + " of " + s.approvalDate() + ") twice: as standard #"
                            + first + " and #" + (seen.size() + 1) + "; nothing was stored");
                }
                result.add(store(s));
            });
        } catch (StandardImportException e) {
            throw new InvalidInputException(ProblemType.INVALID_STANDARD_XML, "Not a valid Ministry of Labour "
                    + "professional-standard file: " + e.getMessage() + "; nothing was stored",
                    List.of(new Problem(e.line() > 0 ? e.line() : null, null, null, e.getMessage())), 1);
        }
        // Current flags may have moved with later standards of the same file.
        return result.stream().map(i -> new Imported(i.id(), i.code(), i.name(), i.orderNumber(), i.approvalDate(),
                i.created(), i.generalizedFunctions(), i.labourFunctions(), i.status(),
                standards.currentEdition(i.code()).map(c -> c == i.id()).orElse(false), i.diff())).toList();
    }

    /** One uploaded file. */
    public record SourceFile(String name, byte[] content) {
    }

    /** What one file of a multi-file upload held. */
    public record FileResult(String file, List<Imported> standards) {
    }

    /**
     * Imports several files in one transaction: a bad file rejects the whole upload, and the
     * problem names the file.
     */
    @Transactional
    public List<FileResult> importFiles(List<SourceFile> files) {
        List<FileResult> results = new ArrayList<>();
        for (SourceFile f : files) {
            try {
                results.add(new FileResult(f.name(), importXml(f.content())));
            } catch (InvalidInputException e) {
                List<Problem> problems = e.problems().stream()
                        .map(p -> new Problem(p.row(), "file", f.name(), p.reason())).toList();
                throw new InvalidInputException(e.type(), "File " + f.name() + ": " + e.getMessage(),
                        problems.isEmpty() ? List.of(new Problem(null, "file", f.name(), e.getMessage())) : problems,
                        Math.max(1, e.problemCount()));
            }
        }
        return results;
    }

    private Imported store(ProfessionalStandard parsed) {
        ProfessionalStandard s = canonical(parsed);
        String hash = Hashes.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
        Optional<Long> existing = standards.findEdition(s.code(), s.orderNumber(), s.approvalDate());
        int gf = s.generalizedFunctions().size();
        int tf = s.labourFunctions().size();
        if (existing.isPresent()) {
            long id = existing.get();
            if (!standards.contentHash(id).orElse("").equals(hash)) {
                ProfessionalStandard stored = canonical(standards.load(id, true).orElseThrow());
                if (!withoutDetails(stored).equals(withoutDetails(s))) {
                    EditionDiff diff = EditionDiff.between(standards.summary(id).orElseThrow(),
                            standards.functionNames(id), names(s), elements(stored), elements(s),
                            standards.activeMappingSets(id));
                    throw new ConflictException(ProblemType.STANDARD_EDITION_CONFLICT,
                            "Edition " + s.code() + " (order "
                            + s.orderNumber() + " of " + s.approvalDate() + ") is already stored with different "
                            + "content (ТФ added " + diff.added() + ", removed " + diff.removed() + ", renamed "
                            + diff.renamed().stream().map(EditionDiff.Renamed::code).toList()
                            + ", with other elements " + diff.elementsChanged()
                            + "); an edition is never overwritten");
                }
                // Stored before the optional lists were kept: complete it, the functions are the same.
                standards.updateDetails(id, s, hash);
            }
            return new Imported(id, s.code(), s.name(), s.orderNumber(), s.approvalDate(), false, gf, tf,
                    Status.UNCHANGED, false, null);
        }
        Optional<Long> previous = standards.currentEdition(s.code());
        EditionDiff diff = previous.map(p -> EditionDiff.between(standards.summary(p).orElseThrow(),
                standards.functionNames(p), names(s), elements(canonical(standards.load(p, true).orElseThrow())),
                elements(s), standards.activeMappingSets(p))).orElse(null);
        long id = standards.insert(s, hash);
        return new Imported(id, s.code(), s.name(), s.orderNumber(), s.approvalDate(), true, gf, tf, Status.CREATED,
                false, diff);
    }

    private static Map<String, String> names(ProfessionalStandard s) {
        Map<String, String> names = new LinkedHashMap<>();
        s.labourFunctions().forEach(f -> names.put(f.code(), f.name()));
        return names;
    }

    /** Element texts by function code, whitespace and case aside, in canonical order. */
    private static Map<String, List<String>> elements(ProfessionalStandard s) {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        s.labourFunctions().forEach(f -> texts.put(f.code(), f.elements().stream()
                .map(e -> e.key() + " " + e.text().strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT))
                .toList()));
        return texts;
    }

    /** The order the database returns: ОТФ and ТФ by code, elements by kind and position. */
    static ProfessionalStandard canonical(ProfessionalStandard s) {
        List<GeneralizedFunction> gfs = s.generalizedFunctions().stream()
                .sorted(Comparator.comparing(GeneralizedFunction::code))
                .map(g -> new GeneralizedFunction(g.code(), g.name(), g.qualificationLevel(), g.jobTitles(),
                        g.functions().stream().sorted(Comparator.comparing(LabourFunction::code))
                                .map(f -> new LabourFunction(f.code(), f.name(), f.subLevel(), f.elements().stream()
                                        .sorted(Comparator.comparing(FunctionElement::kind)
                                                .thenComparingInt(FunctionElement::position)).toList()))
                                .toList(),
                        g.requirements()))
                .toList();
        return new ProfessionalStandard(s.code(), s.name(), s.registrationNumber(), s.orderNumber(),
                s.approvalDate(), s.activityKind(), gfs, s.details());
    }

    private static ProfessionalStandard withoutDetails(ProfessionalStandard s) {
        return new ProfessionalStandard(s.code(), s.name(), s.registrationNumber(), s.orderNumber(), s.approvalDate(),
                s.activityKind(), s.generalizedFunctions().stream()
                .map(g -> new GeneralizedFunction(g.code(), g.name(), g.qualificationLevel(), g.jobTitles(),
                        g.functions()))
                .toList(), StandardDetails.EMPTY);
    }
}
