package ru.workready.data.reports;

import java.util.List;

/** A report that can be downloaded as CSV or XLSX: lines saying what it rests on, then its tables. */
public interface Exportable {
    /** Lines printed first in exports: what the report was computed from. */
    List<String> heading();

    List<Table> tables();

    /** Extra lines printed after the heading (e.g. what small-group suppression withheld). */
    default List<String> notes() {
        return List.of();
    }

    /** Short file name stem for downloads, e.g. {@code coverage}. */
    String fileName();
}
