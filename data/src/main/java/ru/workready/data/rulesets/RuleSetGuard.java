package ru.workready.data.rulesets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.jspecify.annotations.Nullable;

/**
 * What an uploaded rule set may reference, checked on the Drools descriptor model before anything is
 * compiled or run. A DRL consequence is Java: without this check a rule author could call any class
 * on the server's classpath. Allowed are the product's fact types ({@code ru.workready.engine..}, except
 * the classes that run rules), a short list of JDK value types, and {@code drools.getRule().getName()};
 * refused are every other class (by import, by qualified name, or by a simple name Java would resolve
 * from {@code java.lang} or the rule's package), reflection-like members ({@code getClass()},
 * {@code forName}, …), {@code eval}, globals, loops, recursion, DRL functions calling DRL functions,
 * timers, inline accumulate code and unicode escapes. Names that resolve to nothing are left to the
 * compiler, which refuses them.
 */
public final class RuleSetGuard {

    /** One refused reference: the DRL file, the 1-based line, the reference as written, and why. */
    public record Finding(String file, int line, String reference, String reason) {
    }

    private final ClassLoader loader;
    final Set<String> declaredTypes = new HashSet<>();
    private final Map<String, Boolean> classExists = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private RuleSetGuard(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Checks every DRL file of a rule set (file name → text). Parse errors are not reported here: the
     * compiler reports them with its own messages. A file that does not parse is checked on what parsed.
     */
    public static List<Finding> check(Map<String, String> drl, ClassLoader loader) {
        RuleSetGuard guard = new RuleSetGuard(loader);
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        drl.forEach((file, text) -> {
            String source = text == null ? "" : text;
            guard.unicodeEscapes(file, source);
            PackageDescr p = parse(source);
            if (p != null) {
                parsed.put(file, p);
                for (AbstractClassTypeDeclarationDescr t : p.getClassAndEnumDeclarationDescrs()) {
                    guard.declaredTypes.add(t.getTypeName());
                    guard.declaredTypes.add(t.getFullTypeName());
                }
            }
        });
        parsed.forEach((file, p) -> new DrlFileCheck(guard, file, drl.get(file), p).run());
        List<String> files = new ArrayList<>(drl.keySet());
        List<Finding> sorted = new ArrayList<>(guard.findings);
        sorted.sort(java.util.Comparator.comparingInt((Finding f) -> files.indexOf(f.file()))
                .thenComparingInt(Finding::line));
        return sorted;
    }

    private static @Nullable PackageDescr parse(String text) {
        DrlParser parser = new DrlParser();
        try {
            return parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    /** Java reads \\uXXXX before anything else: a string or comment could hide code. */
    private void unicodeEscapes(String file, String text) {
        for (int i = text.indexOf("\\u"); i >= 0; i = text.indexOf("\\u", i + 2)) {
            int backslashes = 0;
            for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                add(file, DrlTokens.lineOf(text, i), text.substring(i, Math.min(text.length(), i + 6)),
                        "unicode escapes are not allowed in rule sets: Java would read them as code; write the "
                                + "character itself");
            }
        }
    }

    void add(String file, int line, String reference, String reason) {
        if (seen.add(file + '\u0000' + line + '\u0000' + reference)) {
            findings.add(new Finding(file, line, reference, reason));
        }
    }


    /** Whether a class of this name is on the application's class path (loaded, never initialised). */
    boolean exists(String name) {
        return classExists.computeIfAbsent(name, n -> {
            try {
                Class.forName(n, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
                return false;
            }
        });
    }

}
