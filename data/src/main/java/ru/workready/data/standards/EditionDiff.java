package ru.workready.data.standards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed in the labour functions (ТФ) from one edition of a standard to another: functions
 * added, removed and renamed (same code, other name), and the active mapping sets that point at
 * the other edition and should be reviewed. {@code elementsChanged} lists functions kept under
 * the same code whose labour actions, skills or knowledge differ: element keys (LA2 …) of
 * mappings to them may now point at other text.
 */
public record EditionDiff(long comparedWithId, String comparedWithOrderNumber, LocalDate comparedWithApprovalDate,
                          List<String> added, List<String> removed, List<Renamed> renamed,
                          List<String> elementsChanged, int unchanged,
                          List<StandardRepository.MappingSetRef> mappingsToReview) {

    /** A function whose code stayed while its name changed. */
    public record Renamed(String code, String oldName, String newName) {
    }

    public EditionDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        renamed = List.copyOf(renamed);
        elementsChanged = List.copyOf(elementsChanged);
        mappingsToReview = List.copyOf(mappingsToReview);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && renamed.isEmpty() && elementsChanged.isEmpty();
    }

    /** The diff of the functions' codes and names only (no elements, no mappings to review). */
    public static EditionDiff ofNames(long previousId, String previousOrderNumber, LocalDate previousApprovalDate,
                                      Map<String, String> oldNames, Map<String, String> newNames) {
        return diff(previousId, previousOrderNumber, previousApprovalDate, oldNames, newNames, Map.of(), Map.of(),
                List.of());
    }

    static EditionDiff between(StandardSummary previous, Map<String, String> oldNames, Map<String, String> newNames,
                               Map<String, ?> oldElements, Map<String, ?> newElements,
                               List<StandardRepository.MappingSetRef> mappings) {
        return diff(previous.id(), previous.orderNumber(), previous.approvalDate(), oldNames, newNames, oldElements,
                newElements, mappings);
    }

    private static EditionDiff diff(long previousId, String previousOrderNumber, LocalDate previousApprovalDate,
                                    Map<String, String> oldNames, Map<String, String> newNames,
                                    Map<String, ?> oldElements, Map<String, ?> newElements,
                                    List<StandardRepository.MappingSetRef> mappings) {
        List<String> elementsChanged = new ArrayList<>();
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
            } else {
                boolean sameElements = java.util.Objects.equals(oldElements.get(code), newElements.get(code));
                if (!sameElements) {
                    elementsChanged.add(code);
                }
                if (!sameName(before, after)) {
                    renamed.add(new Renamed(code, before, after));
                } else if (sameElements) {
                    unchanged++;
                }
            }
        }
        return new EditionDiff(previousId, previousOrderNumber, previousApprovalDate, added, removed,
                renamed, elementsChanged, unchanged, mappings);
    }

    /** Case and spacing differences are not renames. */
    private static boolean sameName(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }
}
