package ru.workready.data.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.Page;
import ru.workready.data.ProblemType;
import ru.workready.data.csv.CsvCells;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.CsvTable;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionCodes;

/**
 * Imports a mapping CSV (columns outcome_code, function_code, element, type, weight, critical)
 * as a new version of the programme's mapping to one standard edition, with its author and date.
 * Every bad row is reported and nothing is stored if any row is bad; a file equal to the active
 * version stores nothing. Exports the same format.
 */
@Service
public class MappingImportService {
    static final List<String> REQUIRED = List.of("outcome_code", "function_code", "type", "weight");
    public static final List<String> COLUMNS = List.of("outcome_code", "function_code", "element", "type", "weight",
            "critical");
    private static final int MAX_LISTED = 100;
    private static final Set<String> TRUE = Set.of("true", "yes", "1", "да", "y");
    private static final Set<String> FALSE = Set.of("false", "no", "0", "нет", "n");

    /** What an upload did. */
    public enum Status {
        CREATED,
        /** Same rows as the active version: no new version. */
        UNCHANGED
    }

    public record MappingImported(long mappingSetId, int version, Status status, int mappings, String author) {
    }

    private final ProgrammeRepository programmes;
    private final StandardRepository standards;
    private final MappingRepository mappings;

    public MappingImportService(ProgrammeRepository programmes, StandardRepository standards,
                                MappingRepository mappings) {
        this.programmes = programmes;
        this.standards = standards;
        this.mappings = mappings;
    }

    /** Imports the file and answers the id of the active mapping set afterwards. */
    @Transactional
    public long importCsv(long programmeId, long standardId, String author, byte[] content) {
        return importFile(programmeId, standardId, author, content).mappingSetId();
    }

    @Transactional
    public MappingImported importFile(long programmeId, long standardId, @Nullable String author, byte[] content) {
        programmes.summary(programmeId).orElseThrow(() -> new NotFoundException("No programme with id " + programmeId));
        standards.summary(standardId).orElseThrow(() -> new NotFoundException("No standard with id " + standardId));
        if (author == null || author.isBlank()) {
            throw new InvalidInputException(ProblemType.INVALID_MAPPING, "A mapping version needs an author",
                    List.of(new Problem(null, "author", author, "required")), 1);
        }
        List<MappingRepository.ResolvedMapping> rows = parse(programmeId, standardId, content);
        mappings.lockVersions(programmeId, standardId);
        Optional<MappingRepository.MappingSetSummary> active = mappings.activeSet(programmeId, standardId);
        if (active.isPresent() && canonical(mappings.resolvedRows(active.get().id())).equals(canonical(rows))) {
            MappingRepository.MappingSetSummary a = active.get();
            return new MappingImported(a.id(), a.version(), Status.UNCHANGED, a.mappings(), a.author());
        }
        long id = mappings.insertVersion(programmeId, standardId, author.strip(), rows);
        MappingRepository.MappingSetSummary created = mappings.set(id).orElseThrow();
        return new MappingImported(id, created.version(), Status.CREATED, rows.size(), created.author());
    }

    /** The set in the import format: outcome_code;function_code;element;type;weight;critical. */
    public String exportCsv(long mappingSetId) {
        mappings.set(mappingSetId).orElseThrow(() -> new NotFoundException("No mapping set with id " + mappingSetId));
        StringBuilder sb = new StringBuilder("\uFEFF").append(String.join(";", COLUMNS)).append("\r\n");
        int page = 0;
        Page<MappingRepository.MappingRow> rows;
        do {
            rows = mappings.rows(mappingSetId, null, page++, Page.MAX_SIZE);
            for (MappingRepository.MappingRow r : rows.items()) {
                // through CsvCells like every export: no cell may run as a spreadsheet formula
                sb.append(CsvCells.line(';', r.outcomeCode(), r.functionCode(), r.elementKey(), r.type().name(),
                        new java.math.BigDecimal(Double.toString(r.weight())).stripTrailingZeros().toPlainString(),
                        Boolean.toString(r.critical()))).append("\r\n");
            }
        } while (rows.offset() + rows.items().size() < rows.total());
        return sb.toString();
    }

    private List<MappingRepository.ResolvedMapping> parse(long programmeId, long standardId, byte[] content) {
        MappingRows parsed = new MappingRows(programmes.outcomeIds(programmeId), standards.functionIds(standardId),
                standards.elementIds(standardId));
        List<String> header = CsvTable.read(content, parsed::add);
        requireColumns(header);
        List<Problem> problems = parsed.problems;
        if (problems.isEmpty() && parsed.rows.isEmpty()) {
            problems.add(Problem.ofFile("the mapping file has no rows"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ProblemType.INVALID_MAPPING, "The mapping file has " + problems.size()
                    + " problem(s); nothing was stored", problems.subList(0, Math.min(MAX_LISTED, problems.size())),
                    problems.size());
        }
        return parsed.rows;
    }

    private static void requireColumns(List<String> header) {
        List<Problem> missing = REQUIRED.stream().filter(c -> !header.contains(c))
                .map(c -> new Problem(1, c, null, "missing column")).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(ProblemType.INVALID_MAPPING,
                    "The mapping file lacks required columns", missing,
                    missing.size());
        }
    }

    /**
     * The rows of one file as they are read, resolved against the programme and the standard edition,
     * and every problem found in them; a row with any problem is not kept.
     */
    private static final class MappingRows {
        private final Map<String, Long> outcomes;
        private final Map<String, Long> functions;
        private final Map<String, Map<String, Long>> elements;
        final List<Problem> problems = new ArrayList<>();
        final List<MappingRepository.ResolvedMapping> rows = new ArrayList<>();
        /** Outcome/function/element key → the row it was first seen on. */
        private final Map<String, Integer> seen = new HashMap<>();
        /** Outcome/function pairs mapped to the whole function, and to some element of it. */
        private final Set<String> wholeFunction = new HashSet<>();
        private final Set<String> someElement = new HashSet<>();

        MappingRows(Map<String, Long> outcomes, Map<String, Long> functions,
                    Map<String, Map<String, Long>> elements) {
            this.outcomes = outcomes;
            this.functions = functions;
            this.elements = elements;
        }

        void add(CsvReader.Row row) {
            String function = row.get("function_code");
            String element = row.get("element");
            int before = problems.size();
            Long outcomeId = outcomeId(row);
            String functionCode = function == null ? null : FunctionCodes.normalize(function);
            Long functionId = functionCode == null ? null : functions.get(functionCode);
            if (functionId == null) {
                problems.add(new Problem(row.number(), "function_code", function,
                        function == null ? "required" : "unknown labour function code in this standard edition"));
            }
            Long elementId = element != null && functionId != null ? elementId(row, functionCode, element) : null;
            MappingType type = type(row);
            double weight = weight(row, type);
            boolean isCritical = critical(row);
            if (problems.size() == before) {
                keepUnlessOverlapping(row, function, element, new MappingRepository.ResolvedMapping(outcomeId,
                        functionId, elementId, type, weight, isCritical));
            }
        }

        private @Nullable Long outcomeId(CsvReader.Row row) {
            String outcome = row.get("outcome_code");
            Long outcomeId = outcome == null ? null : outcomes.get(OutcomeCodes.normalize(outcome));
            if (outcomeId == null) {
                problems.add(new Problem(row.number(), "outcome_code", outcome,
                        outcome == null ? "required" : "unknown outcome code in this programme"));
            }
            return outcomeId;
        }

        private @Nullable Long elementId(CsvReader.Row row, String functionCode, String element) {
            Optional<ElementKind.Key> key = ElementKind.parseKey(element);
            Long elementId = key.map(k -> elements.getOrDefault(functionCode, Map.of()).get(k.kind().key(k.position())))
                    .orElse(null);
            if (elementId == null) {
                problems.add(new Problem(row.number(), "element", element, key.isEmpty()
                        ? "must be LA<n> (labour action), RS<n> (required skill) or NK<n> (necessary knowledge)"
                        : "the labour function " + functionCode + " has no element " + element));
            }
            return elementId;
        }

        private @Nullable MappingType type(CsvReader.Row row) {
            try {
                return MappingType.valueOf(String.valueOf(row.get("type")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(row.number(), "type", row.get("type"), "must be EXACT, PART_OF or RELATED"));
                return null;
            }
        }

        private double weight(CsvReader.Row row, @Nullable MappingType type) {
            double weight = Double.NaN;
            try {
                weight = Double.parseDouble(String.valueOf(row.get("weight")).replace(',', '.'));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (!(weight > 0 && weight <= 1)) {
                problems.add(new Problem(row.number(), "weight", row.get("weight"), "must be a number in (0, 1]"));
            } else if (type == MappingType.RELATED && weight > 0.5) {
                problems.add(new Problem(row.number(), "weight", row.get("weight"), "a RELATED mapping weighs at most 0.5"));
            } else if (Math.abs(weight * 1000 - Math.rint(weight * 1000)) > 1e-9) {
                problems.add(new Problem(row.number(), "weight", row.get("weight"), "at most 3 decimal places"));
            }
            return weight;
        }

        private boolean critical(CsvReader.Row row) {
            String critical = row.get("critical");
            boolean isCritical = critical != null && TRUE.contains(critical.toLowerCase(Locale.ROOT));
            if (critical != null && !isCritical && !FALSE.contains(critical.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(row.number(), "critical", critical, "must be true or false (or empty)"));
            }
            return isCritical;
        }

        /** Keeps a valid row unless it repeats an earlier one or maps an outcome to a function and its elements both. */
        private void keepUnlessOverlapping(CsvReader.Row row, @Nullable String function, @Nullable String element,
                                           MappingRepository.ResolvedMapping mapping) {
            Long elementId = mapping.elementId();
            String pair = mapping.outcomeId() + "/" + mapping.labourFunctionId();
            String key = pair + "/" + (elementId == null ? "" : elementId);
            Integer first = seen.putIfAbsent(key, row.number());
            String field = element == null ? "function_code" : "element";
            String value = element == null ? function : element;
            if (first != null) {
                problems.add(new Problem(row.number(), field, value, "duplicate of row " + first));
            } else if (elementId == null ? someElement.contains(pair) : wholeFunction.contains(pair)) {
                problems.add(new Problem(row.number(), field, value, "the outcome is mapped both to the whole function"
                        + " and to elements of it: its weight would count twice"));
            } else {
                (elementId == null ? wholeFunction : someElement).add(pair);
                rows.add(mapping);
            }
        }
    }

    private static List<MappingRepository.ResolvedMapping> canonical(List<MappingRepository.ResolvedMapping> rows) {
        return rows.stream().map(r -> new MappingRepository.ResolvedMapping(r.outcomeId(), r.labourFunctionId(),
                        r.elementId(), r.type(), Math.round(r.weight() * 1000) / 1000.0, r.critical()))
                .sorted(Comparator.comparingLong(MappingRepository.ResolvedMapping::outcomeId)
                        .thenComparingLong(MappingRepository.ResolvedMapping::labourFunctionId)
                        .thenComparing(r -> r.elementId() == null ? -1L : r.elementId()))
                .toList();
    }
}
