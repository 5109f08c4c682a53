package ru.workready.engine.programmes;

import java.util.Locale;

/**
 * Normalizes outcome codes as people type them: "пк1.1", "ПК 1.1", "PK 1.1" → "ПК 1.1";
 * "ОК 1", "ok01" → "ОК 01".
 */
public final class OutcomeCodes {
    private OutcomeCodes() {
    }

    public static String normalize(String raw) {
        String s = raw.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        String prefix;
        String rest;
        if (s.startsWith("ПК") || s.startsWith("PK")) {
            prefix = "ПК";
            rest = s.substring(2).strip();
        } else if (s.startsWith("ОК") || s.startsWith("OK") || s.startsWith("OК") || s.startsWith("ОK")) {
            prefix = "ОК";
            rest = s.substring(2).strip();
            if (rest.matches("\\d")) {
                rest = "0" + rest;
            }
        } else {
            return s;
        }
        return prefix + " " + rest;
    }
}
