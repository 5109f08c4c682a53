package ru.workready.data.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import ru.workready.data.standards.EditionDiff;

/**
 * Follows each ТФ across the editions of the standard that a trend report's years used, as the edition diff matches
 * them (by code): a function kept under its code — renamed or not — continues its line; one an edition adds starts a
 * line; one it drops ends one.
 */
final class TrendLines {
    /** One edition used: its ТФ names by code. */
    record EditionFunctions(long id, String orderNumber, LocalDate approvalDate, Map<String, String> names) {
        static EditionFunctions of(long id, String orderNumber, LocalDate approvalDate, Map<String, String> names) {
            return new EditionFunctions(id, orderNumber, approvalDate, Map.copyOf(names));
        }
    }

    /** Oldest first. */
    private final List<EditionFunctions> editions;

    TrendLines(List<EditionFunctions> editions) {
        this.editions = editions.stream().sorted(Comparator.comparing(EditionFunctions::approvalDate)).toList();
    }

    List<TrendReport.Line> lines(List<TrendCounts.YearCounts> years) {
        TreeSet<String> codes = new TreeSet<>();
        editions.forEach(e -> codes.addAll(e.names().keySet()));
        List<TrendReport.Line> lines = new ArrayList<>();
        for (String code : codes) {
            List<TrendReport.Point> points = new ArrayList<>();
            int level = 0;
            for (TrendCounts.YearCounts y : years) {
                boolean inEdition = editions.stream().anyMatch(e -> y.editions().contains(e.id())
                        && e.names().containsKey(code));
                TrendReport.Point p = y.points().get(code);
                level = y.qualificationLevels().getOrDefault(code, level);
                points.add(inEdition && p != null ? p : new TrendReport.Point(y.year().year(), inEdition,
                        null, null, null, null, null, null, null, null));
            }
            lines.add(new TrendReport.Line(code, name(code), level == 0 ? levelOf(code) : level, change(code),
                    points));
        }
        return lines;
    }

    /** The name in the newest edition that has the function. */
    private String name(String code) {
        for (int i = editions.size() - 1; i >= 0; i--) {
            String n = editions.get(i).names().get(code);
            if (n != null) {
                return n;
            }
        }
        return code;
    }

    /** A ТФ code ends in its qualification level (A/01.3). */
    private static int levelOf(String code) {
        int dot = code.lastIndexOf('.');
        try {
            return dot < 0 ? 0 : Integer.parseInt(code.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** How consecutive editions treat the function, as their diff says; null when nothing changed. */
    private @Nullable String change(String code) {
        List<String> changes = new ArrayList<>();
        for (int i = 1; i < editions.size(); i++) {
            EditionFunctions before = editions.get(i - 1);
            EditionFunctions after = editions.get(i);
            EditionDiff diff = EditionDiff.ofNames(before.id(), before.orderNumber(), before.approvalDate(),
                    before.names(), after.names());
            if (diff.added().contains(code)) {
                changes.add("added in " + after.orderNumber());
            } else if (diff.removed().contains(code)) {
                changes.add("removed in " + after.orderNumber() + " (last in " + before.orderNumber() + ")");
            } else {
                diff.renamed().stream().filter(r -> r.code().equals(code)).findFirst().ifPresent(r -> changes.add(
                        "renamed in " + after.orderNumber() + " (was «" + r.oldName() + "»)"));
            }
        }
        return changes.isEmpty() ? null : String.join("; ", changes);
    }
}
