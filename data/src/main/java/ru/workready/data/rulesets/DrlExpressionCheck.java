package ru.workready.data.rulesets;

import static ru.workready.data.rulesets.DrlTokens.*;
import static ru.workready.data.rulesets.RuleSetAllowList.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The names an expression or block of Java/MVEL in a DRL file references: denied members, loops, eval, the rule
 * runtime, and every class name, resolved as Java would and checked against {@link RuleSetAllowList}.
 */
final class DrlExpressionCheck {
    private final DrlFileCheck file;
    private final DrlNames names;
    private final RuleSetGuard guard;

    DrlExpressionCheck(DrlFileCheck file, DrlNames names, RuleSetGuard guard) {
        this.file = file;
        this.names = names;
        this.guard = guard;
    }

    /**
     * Checks the names an expression or block of Java/MVEL references. Identifiers are read as tokens,
     * skipping string literals and comments, and joined into qualified names across dots.
     */
    void check(@Nullable String text, int line, Set<String> bindings, boolean block) {
        if (text == null || text.isBlank()) {
            return;
        }
        int at = file.locate(text, line);
        List<Token> tokens = tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind != Kind.IDENT) {
                continue;
            }
            int tl = file.lineAt(text, at, line, t.offset);
            boolean member = i > 0 && tokens.get(i - 1).kind == Kind.DOT;
            if (member) {
                if (DENIED_MEMBERS.contains(t.text)) {
                    file.add(tl, "." + t.text, "." + t.text + " is not allowed in rule sets: it leads to classes, "
                            + "reflection or the rule engine's runtime");
                }
                continue;
            }
            String word = t.text;
            if (LOOP_KEYWORDS.contains(word)) {
                file.add(tl, word, "loops (" + word + ") are not allowed in rule sets: a rule set must finish; use "
                        + "patterns and accumulate to go over facts");
                continue;
            }
            if (DENIED_KEYWORDS.contains(word)) {
                file.add(tl, word, "'" + word + "' is not allowed in rule sets");
                continue;
            }
            if (word.equals("eval") && t.next('(')) {
                file.add(tl, "eval(…)", "eval is not allowed: write the condition as a constraint of a pattern");
                continue;
            }
            if (KEYWORDS.contains(word) || file.functions.contains(word)) {
                continue;
            }
            List<String> chain = chain(tokens, i);
            if (RUNTIME_VARIABLES.contains(word) && !bindings.contains(word)) {
                if (!(word.equals("drools") || word.equals("kcontext")) || !ruleName(tokens, i)) {
                    file.add(tl, String.join(".", chain), String.join(".", chain) + " is not allowed: of the rule "
                            + "engine's runtime, rules may use " + word + ".getRule().getName() only");
                }
                continue;
            }
            if (bindings.contains(word) || word.startsWith("$")) {
                continue;
            }
            if (Character.isUpperCase(word.charAt(0))) {
                if (guard.declaredTypes.contains(word)) {
                    continue;
                }
                String resolved = names.resolve(word);
                if (resolved == null) {
                    file.add(tl, word, "unknown name " + word + ": not an imported or declared fact type, nor a "
                            + "binding (" + ALLOW_LIST + ")");
                } else if (!allowed(resolved)) {
                    file.add(tl, word, DrlNames.forbidden(word, resolved));
                }
                continue;
            }
            if (chain.size() >= 2) {
                String joined = String.join(".", chain);
                String resolved = names.qualified(joined);
                if (resolved != null) {
                    if (!allowed(resolved)) {
                        file.add(tl, joined, DrlNames.forbidden(resolved, resolved));
                    }
                } else if (PACKAGE_ROOTS.contains(word) && !DrlNames.allowedName(joined)) {
                    file.add(tl, joined, "the qualified name " + joined + " is not allowed: " + ALLOW_LIST);
                }
            } else if (PACKAGE_ROOTS.contains(word) && i + 1 < tokens.size()
                    && tokens.get(i + 1).kind == Kind.DOT) {
                file.add(tl, word, "the qualified name " + word + "… is not allowed: " + ALLOW_LIST);
            }
        }
    }

    /** drools.getRule().getName() (or getPackageName()), and nothing else. */
    private static boolean ruleName(List<Token> tokens, int i) {
        String[] expected = {".", "getRule", "(", ")", "."};
        for (int k = 0; k < expected.length; k++) {
            if (i + 1 + k >= tokens.size() || !tokens.get(i + 1 + k).text.equals(expected[k])) {
                return false;
            }
        }
        int n = i + 1 + expected.length;
        return n < tokens.size() && (tokens.get(n).text.equals("getName")
                || tokens.get(n).text.equals("getPackageName"));
    }

    /** The identifiers joined by dots from token i on: java . io . File → [java, io, File]. */
    private static List<String> chain(List<Token> tokens, int i) {
        List<String> parts = new ArrayList<>();
        parts.add(tokens.get(i).text);
        for (int k = i + 1; k + 1 < tokens.size() && tokens.get(k).kind == Kind.DOT
                && tokens.get(k + 1).kind == Kind.IDENT; k += 2) {
            parts.add(tokens.get(k + 1).text);
        }
        return parts;
    }
}
