package ru.workready.data.csv;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cells for CSV exports. Spreadsheets run a cell starting with {@code = + - @}, a tab or a carriage
 * return as a formula (CSV/formula injection, OWASP): such a cell gets a leading apostrophe, which
 * Excel and LibreOffice show as text. Plain numbers such as {@code -5} or {@code +7.5} stay numbers.
 */
public final class CsvCells {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

    private CsvCells() {
    }

    /** The value made safe to open in a spreadsheet; null becomes the empty string. */
    public static String neutralize(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean dangerous = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r' || first == '＝' || first == '＋' || first == '－' || first == '＠';
        return dangerous && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    /**
     * Undoes {@link #neutralize} for a cell read back from an export (a leading apostrophe before a
     * formula character), so that a programme exported and imported again keeps its names.
     */
    public static @Nullable String restore(@Nullable String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '\'') {
            return value;
        }
        String rest = value.substring(1);
        return neutralize(rest).equals(value) ? rest : value;
    }

    /** The neutralized value quoted as RFC 4180 requires (delimiter, quote or line break inside). */
    public static String cell(@Nullable String value, char delimiter) {
        String v = neutralize(value);
        if (v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** One CSV line (without the line break) of neutralized, quoted cells. */
    public static String line(char delimiter, @Nullable String... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            out.append(cell(values[i], delimiter));
        }
        return out.toString();
    }
}
