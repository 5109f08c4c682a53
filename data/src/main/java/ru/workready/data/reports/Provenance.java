package ru.workready.data.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.expertise.ExpertiseStatements;

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

    /**
     * One standard edition and the version of the programme's mapping to it; {@code expertise} says whether that
     * version passed employer expertise (docs/expertise.md), null where it was not looked up.
     */
    public record Source(String standardCode, String standardName, String orderNumber, LocalDate approvalDate,
                         long standardId, long mappingSetId, int mappingVersion, boolean activeMapping,
                         ExpertiseStatements.@Nullable Statement expertise) {
        public Source(String standardCode, String standardName, String orderNumber, LocalDate approvalDate,
                      long standardId, long mappingSetId, int mappingVersion, boolean activeMapping) {
            this(standardCode, standardName, orderNumber, approvalDate, standardId, mappingSetId, mappingVersion,
                    activeMapping, null);
        }

        String label() {
            return standardCode + " «" + standardName + "» (приказ " + orderNumber + " от " + approvalDate
                    + "), версия сопоставления " + mappingVersion + (activeMapping ? " (действующая)" : "");
        }

        /** The expertise line of an export, e.g. «пройдена 2026-12-01 (ООО «Софт»); оспорены: ПК 1.2 → A/03.3». */
        @Nullable String expertiseLine() {
            if (expertise == null) {
                return null;
            }
            String what = switch (expertise.outcome()) {
                case NOT_SUBMITTED -> "не проводилась";
                case IN_REVIEW -> "идёт (экспертиза № " + expertise.expertiseId() + ")";
                case NOT_PASSED -> "не пройдена";
                case PASSED -> "пройдена";
                case PASSED_WITH_ACCEPTED_CHANGES -> "пройдена с принятыми изменениями";
            };
            if (expertise.concludedAt() != null) {
                what += " " + expertise.concludedAt().toLocalDate() + " (" + String.join(", ", expertise.experts())
                        + ")";
            }
            if (!expertise.disputedRows().isEmpty()) {
                what += "; оспорены: " + String.join(", ", expertise.disputedRows().stream()
                        .map(r -> r.outcomeCode() + " → " + r.functionCode()).toList());
            }
            return "Экспертиза работодателей сопоставления (версия " + mappingVersion + "): " + what;
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
            if (s.expertiseLine() != null) {
                lines.add(s.expertiseLine());
            }
        }
        lines.add("Набор правил: " + (ruleSetVersions.isEmpty() ? "—" : String.join(", ", ruleSetVersions)));
        lines.add("Сформирован: " + generatedAt);
        return lines;
    }
}
