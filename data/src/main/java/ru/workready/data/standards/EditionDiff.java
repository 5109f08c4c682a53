package ru.workready.data.standards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed in the labour functions (ТФ) from one edition of a standard to another: functions
 * added, removed and renamed (same code, other name), and the active mapping sets that point at
 * the other edition and should be reviewed.
 */
public record EditionDiff(long comparedWithId, String comparedWithOrderNumber, LocalDate comparedWithApprovalDate,
                          List<String> added, List<String> removed, List<Renamed> renamed, int unchanged,
                          List<StandardRepository.MappingSetRef> mappingsToReview) {

    /** A function whose code stayed while its name changed. */
    public record Renamed(String code, String oldName, String newName) {
    }

    public EditionDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        renamed = List.copyOf(renamed);
        mappingsToReview = List.copyOf(mappingsToReview);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && renamed.isEmpty();
    }

    static EditionDiff between(StandardSummary previous, Map<String, String> oldNames, Map<String, String> newNames,
                               List<StandardRepository.MappingSetRef> mappings) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Renamed> renamed = new ArrayList<>();
        int unchanged = 0;
        TreeSet<String> codes = new TreeSet<>(oldNames.keySet());
        codes.addAll(newNames.keySet());
        for (String code : codes) {
            String before = oldNames.get(code);
            String after = newNames.get(code);
            if (before == null) {
                added.add(code);
            } else if (after == null) {
                removed.add(code);
            } else if (!sameName(before, after)) {
                renamed.add(new Renamed(code, before, after));
            } else {
                unchanged++;
            }
        }
        return new EditionDiff(previous.id(), previous.orderNumber(), previous.approvalDate(), added, removed,
                renamed, unchanged, mappings);
    }

    /** Case and spacing differences are not renames. */
    private static boolean sameName(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }
}
