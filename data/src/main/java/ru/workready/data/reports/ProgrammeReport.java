package ru.workready.data.reports;

import java.util.List;

/** A report about one programme version: its {@link Provenance} heads the exports. */
public interface ProgrammeReport extends Tabular {
    Provenance provenance();

    @Override
    default List<String> provenanceLines() {
        return provenance().lines();
    }

    @Override
    default String downloadName() {
        return fileName() + "-" + provenance().programme().fgosCode() + "-" + provenance().programme().intakeYear();
    }
}
