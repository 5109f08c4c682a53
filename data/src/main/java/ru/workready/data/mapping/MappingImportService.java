package ru.workready.data.mapping;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.standards.FunctionCodes;

/**
 * Imports a mapping CSV (columns outcome_code, function_code, type, weight, critical) as a new
 * mapping version; every bad row is reported and nothing is stored if any row is bad.
 */
@Service
public class MappingImportService {
    static final List<String> REQUIRED = List.of("outcome_code", "function_code", "type", "weight");
    private static final int MAX_LISTED = 100;

    private final ProgrammeRepository programmes;
    private final StandardRepository standards;
    private final MappingRepository mappings;

    public MappingImportService(ProgrammeRepository programmes, StandardRepository standards,
                                MappingRepository mappings) {
        this.programmes = programmes;
        this.standards = standards;
        this.mappings = mappings;
    }

    @Transactional
    public long importCsv(long programmeId, long standardId, String author, byte[] content) {
        Map<String, Long> outcomes = programmes.outcomeIds(programmeId);
        Map<String, Long> functions = standards.functionIds(standardId);
        List<Problem> problems = new ArrayList<>();
        List<MappingRepository.ResolvedMapping> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> header = CsvReader.read(new StringReader(CsvReader.decode(content)), row -> {
            String outcome = row.get("outcome_code");
            String function = row.get("function_code");
            Long outcomeId = outcome == null ? null : outcomes.get(OutcomeCodes.normalize(outcome));
            Long functionId = function == null ? null : functions.get(FunctionCodes.normalize(function));
            int before = problems.size();
            if (outcomeId == null) {
                problems.add(new Problem(row.number(), "outcome_code", outcome, "unknown outcome code"));
            }
            if (functionId == null) {
                problems.add(new Problem(row.number(), "function_code", function, "unknown labour function code"));
            }
            MappingType type = null;
            try {
                type = MappingType.valueOf(String.valueOf(row.get("type")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(row.number(), "type", row.get("type"), "must be EXACT, PART_OF or RELATED"));
            }
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
            }
            String critical = row.get("critical");
            boolean isCritical = critical != null && List.of("true", "yes", "1", "да").contains(critical.toLowerCase(Locale.ROOT));
            if (problems.size() == before) {
                if (!seen.add(outcomeId + "/" + functionId)) {
                    problems.add(new Problem(row.number(), "function_code", function,
                            "duplicate mapping of this outcome to this function"));
                } else {
                    rows.add(new MappingRepository.ResolvedMapping(outcomeId, functionId, type, weight, isCritical));
                }
            }
        });
        List<Problem> missing = REQUIRED.stream().filter(c -> !header.contains(c))
                .map(c -> new Problem(1, c, null, "missing column")).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("invalid-mapping", "The mapping file lacks required columns", missing,
                    missing.size());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid-mapping", "The mapping file has " + problems.size()
                    + " problem(s); nothing was stored", problems.subList(0, Math.min(MAX_LISTED, problems.size())),
                    problems.size());
        }
        return mappings.insertVersion(programmeId, standardId, author, rows);
    }
}
