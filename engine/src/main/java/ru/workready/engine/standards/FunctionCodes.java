package ru.workready.engine.standards;

import java.util.Locale;

/**
 * Normalizes codes of generalized and labour functions. The Ministry's files mix Cyrillic
 * letters that look like Latin ones ("А/01.3" with a Cyrillic А); we store Latin so that
 * "A/01.3" typed by a person finds it.
 */
public final class FunctionCodes {
    private static final String CYRILLIC = "АВСЕНКМОРТХУ";
    private static final String LATIN = "ABCEHKMOPTXY";

    private FunctionCodes() {
    }

    public static String normalize(String code) {
        String trimmed = code.strip().toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int idx = CYRILLIC.indexOf(Character.toUpperCase(c));
            sb.append(idx >= 0 ? LATIN.charAt(idx) : c);
        }
        return sb.toString();
    }
}
