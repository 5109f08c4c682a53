package ru.workready.data.reports;

import java.util.List;

/** A report that can be exported: what it was computed from, and its tables (the first one is the CSV export). */
public interface Tabular {
    /** Human-readable lines (Russian) for the top of CSV and XLSX exports: what the report was computed from. */
    List<String> provenanceLines();

    List<Table> tables();

    /** Extra lines printed after the provenance in exports (e.g. what small-group suppression withheld). */
    default List<String> notes() {
        return List.of();
    }

    /** Short file name stem for downloads, e.g. {@code coverage}. */
    String fileName();

    /** The download's name without the extension: the stem and what tells one download from another. */
    default String downloadName() {
        return fileName();
    }
}
