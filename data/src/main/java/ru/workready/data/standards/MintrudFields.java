package ru.workready.data.standards;

import org.jspecify.annotations.Nullable;

/** How the Минтруд reader's drafts take a field's text and say what is wrong with it. */
final class MintrudFields {
    private MintrudFields() {
    }

    /** The first non-empty text read for a field wins. */
    static @Nullable String first(@Nullable String current, String text) {
        return current != null || text.isEmpty() ? current : text;
    }

    static @Nullable Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Codes are compared after normalization: Cyrillic {@code А/01.3} and Latin {@code A/01.3} are one code. */
    static StandardImportException duplicate(StandardDraft s, String what, String code, int firstLine, int line) {
        return new StandardImportException(s.describe() + ": " + what + " code " + code
                + " occurs twice (first at line " + firstLine + "); codes must be unique within a standard",
                line, -1, null);
    }

    static StandardImportException missing(String where, String field, int line) {
        return new StandardImportException(where + ": required field " + field + " is missing",
                line, -1, null);
    }
}
