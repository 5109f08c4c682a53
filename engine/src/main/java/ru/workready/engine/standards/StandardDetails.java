package ru.workready.engine.standards;

import java.util.List;

/**
 * Optional parts of a standard's first section: the purpose of the kind of activity and its
 * employment group (ОКЗ, ОКВЭД). Kept so that nothing the Ministry publishes is dropped.
 */
public record StandardDetails(String purpose, List<ClassifierEntry> okz, List<ClassifierEntry> okved) {
    public static final StandardDetails EMPTY = new StandardDetails("", List.of(), List.of());

    public StandardDetails {
        okz = List.copyOf(okz);
        okved = List.copyOf(okved);
    }
}
