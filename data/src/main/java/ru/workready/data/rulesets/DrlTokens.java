package ru.workready.data.rulesets;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Java/MVEL text read as tokens (identifiers, dots, the rest), skipping string literals and comments. */
public final class DrlTokens {
    private DrlTokens() {
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    enum Kind { IDENT, DOT, OTHER }

    /** A token of Java/MVEL text; offset into the text it was read from. */
    public static final class Token {
        final Kind kind;
        public final String text;
        final int offset;
        @Nullable Token following;

        Token(Kind kind, String text, int offset) {
            this.kind = kind;
            this.text = text;
            this.offset = offset;
        }

        boolean next(char c) {
            return following != null && following.text.equals(String.valueOf(c));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Identifiers, dots (also MVEL's {@code !.} and Java's {@code ::}) and other punctuation. String and
     * character literals (also text blocks and MVEL's single-quoted strings), comments and numbers are
     * skipped.
     */
    public static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || (s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))))) {
                    i++;
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i), start));
            } else if (c == '.') {
                out.add(new Token(Kind.DOT, ".", i++));
            } else if ((c == '!' || c == '?' || c == '#') && i + 1 < n && s.charAt(i + 1) == '.') {
                out.add(new Token(Kind.DOT, ".", i));
                i += 2;
            } else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
                out.add(new Token(Kind.DOT, ".", i));
                i += 2;
            } else {
                out.add(new Token(Kind.OTHER, String.valueOf(c), i++));
            }
        }
        for (int k = 0; k + 1 < out.size(); k++) {
            out.get(k).following = out.get(k + 1);
        }
        return out;
    }
}
