package ru.workready.data.reports;

/** A report about one programme version: its provenance heads the exports. */
public interface Tabular extends Exportable {
    Provenance provenance();

    @Override
    default java.util.List<String> heading() {
        return provenance().lines();
    }
}
