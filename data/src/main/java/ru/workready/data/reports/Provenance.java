package ru.workready.data.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report was computed from: the programme version, each standard edition with the mapping
 * version used, and the rule-set version(s). Printed at the top of every export.
 */
public record Provenance(Programme programme, List<Source> sources, List<String> ruleSetVersions,
                         OffsetDateTime generatedAt) {

    /** The programme version (college, ФГОС code, intake year). */
    public record Programme(long id, String college, String fgosCode, String name, int intakeYear,
                            int qualificationLevel) {
    }

    /** One standard edition and the version of the programme's mapping to it. */
    public record Source(String standardCode, String standardName, String orderNumber, LocalDate approvalDate,
                         long standardId, long mappingSetId, int mappingVersion, boolean activeMapping) {
        String label() {
            return standardCode + " «" + standardName + "» (приказ " + orderNumber + " от " + approvalDate
                    + "), версия сопоставления " + mappingVersion + (activeMapping ? " (действующая)" : "");
        }
    }

    public Provenance {
        sources = List.copyOf(sources);
        ruleSetVersions = List.copyOf(ruleSetVersions);
    }

    /** Human-readable lines (Russian), for the top of CSV and XLSX exports. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Программа: " + programme.fgosCode() + " «" + programme.name() + "», колледж " + programme.college()
                + ", набор " + programme.intakeYear() + ", уровень квалификации " + programme.qualificationLevel());
        for (Source s : sources) {
            lines.add("Профстандарт: " + s.label());
        }
        lines.add("Набор правил: " + (ruleSetVersions.isEmpty() ? "—" : String.join(", ", ruleSetVersions)));
        lines.add("Сформирован: " + generatedAt);
        return lines;
    }
}
