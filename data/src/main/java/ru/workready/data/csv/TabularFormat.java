package ru.workready.data.csv;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The tabular formats colleges upload: CSV, JSON (array or JSON Lines) and XLSX (first sheet). */
public enum TabularFormat {
    CSV, JSON, XLSX;

    /**
     * The format named by the media type, or, for a generic one (octet-stream, none), recognised
     * from the first bytes: a ZIP signature is XLSX, a leading '[' or '{' is JSON.
     */
    public static TabularFormat detect(@Nullable String contentType, byte[] head) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("spreadsheetml") || type.contains("excel")) {
            return XLSX;
        }
        if (type.contains("json")) {
            return JSON;
        }
        if (type.contains("csv") || type.startsWith("text/")) {
            return CSV;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < head.length && (head[i] == '[' || head[i] == '{')) {
            return JSON;
        }
        return CSV;
    }
}
