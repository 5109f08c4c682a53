package ru.workready.data.reports;

import java.util.List;

/** A report that can be exported: its provenance and its tables (the first one is the CSV export). */
public interface Tabular {
    Provenance provenance();

    List<Table> tables();

    /** Extra lines printed after the provenance in exports (e.g. what small-group suppression withheld). */
    default List<String> notes() {
        return List.of();
    }

    /** Short file name stem for downloads, e.g. {@code coverage}. */
    String fileName();
}
