package ru.workready.data.reports;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report flattened to one sheet: a name, column headers and rows of plain values. A heatmap
 * table holds mapping cells ("EXACT 1.0") that the XLSX export colours by mapping strength.
 */
public record Table(String name, List<String> header, List<List<@Nullable Object>> rows, boolean heatmap) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public Table(String name, List<String> header, List<List<@Nullable Object>> rows) {
        this(name, header, rows, false);
    }

    /** A row that may hold nulls (empty cells). */
    static List<@Nullable Object> row(@Nullable Object... cells) {
        return Arrays.asList(cells);
    }
}
