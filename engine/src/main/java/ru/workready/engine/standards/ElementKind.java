package ru.workready.engine.standards;

import java.util.Locale;
import java.util.Optional;

/**
 * Parts of a labour function: трудовое действие, необходимое умение, необходимое знание. The
 * prefix makes an element's stable key within its function: LA1, RS2, NK3 (kind + position in
 * the file), which survives export and import into another database, unlike a row id.
 */
public enum ElementKind {
    LABOUR_ACTION("LA"),
    REQUIRED_SKILL("RS"),
    REQUIRED_KNOWLEDGE("NK");

    private final String prefix;

    ElementKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String key(int position) {
        return prefix + position;
    }

    /** Parses a key such as "LA2" (case-insensitive) into kind and position. */
    public static Optional<Key> parseKey(String key) {
        String k = key.strip().toUpperCase(Locale.ROOT);
        for (ElementKind kind : values()) {
            if (k.startsWith(kind.prefix) && k.length() > 2) {
                try {
                    int position = Integer.parseInt(k.substring(2));
                    return position > 0 ? Optional.of(new Key(kind, position)) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A parsed element key. */
    public record Key(ElementKind kind, int position) {
    }
}
