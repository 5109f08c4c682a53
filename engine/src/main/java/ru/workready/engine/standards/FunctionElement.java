package ru.workready.engine.standards;

/** One labour action, required skill or necessary knowledge of a labour function, in file order. */
public record FunctionElement(ElementKind kind, int position, String text) {
    /** Stable key within the function, e.g. LA1. */
    public String key() {
        return kind.key(position);
    }
}
