package ru.workready.data.reports;

import java.util.List;

/** A report that can be exported: its provenance and its tables (the first one is the CSV export). */
public interface Tabular {
    Provenance provenance();

    List<Table> tables();

    /** Short file name stem for downloads, e.g. {@code coverage}. */
    String fileName();
}
