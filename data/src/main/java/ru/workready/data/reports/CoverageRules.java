package ru.workready.data.reports;

import java.util.List;
import java.util.Map;
import ru.workready.data.reports.AboveLevelReport.AboveLevelFunction;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.MappingRow;
import ru.workready.data.reports.ReportRepository.OutcomeRow;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;
import ru.workready.engine.mapping.MappingType;

/**
 * When a ТФ or element counts as covered: at least one EXACT or PART_OF mapping (a RELATED mapping supports, it does
 * not teach); a ТФ above the programme's qualification level is not expected to be covered at all.
 */
final class CoverageRules {
    private CoverageRules() {
    }

    static CoverageStatus status(FunctionRow f, List<MappingRow> mappings, ProgrammeRow programme) {
        if (f.qualificationLevel() > programme.qualificationLevel()) {
            return CoverageStatus.ABOVE_LEVEL;
        }
        return status(mappings);
    }

    static CoverageStatus status(List<MappingRow> mappings) {
        if (mappings.stream().anyMatch(m -> m.type() != MappingType.RELATED)) {
            return CoverageStatus.COVERED;
        }
        return mappings.isEmpty() ? CoverageStatus.NOT_COVERED : CoverageStatus.RELATED_ONLY;
    }

    /** A ТФ above the programme's level, with the outcomes mapped to it all the same. */
    static AboveLevelFunction aboveLevel(Provenance.Source source, FunctionRow f, List<MappingRow> ms,
                                         Map<Long, OutcomeRow> outcomes) {
        return new AboveLevelFunction(source.standardCode(), f.code(), f.name(), f.generalizedCode(),
                f.qualificationLevel(), ms.stream().map(m -> outcomes.get(m.outcomeId()).code()).distinct().toList());
    }
}
