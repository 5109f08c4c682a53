package ru.workready.data.rulesets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
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

    /** The JDK types a rule set may use (nested types of these too, e.g. Map.Entry). */
    static final Set<String> JDK_TYPES = Set.of(
            "java.lang.Math", "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Number",
            "java.lang.Character", "java.lang.CharSequence", "java.lang.Comparable", "java.lang.Object",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.ArrayList",
            "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap", "java.util.LinkedHashSet",
            "java.util.TreeMap", "java.util.TreeSet", "java.util.Objects", "java.util.Optional",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode");
    /** Packages all of whose types are allowed (and their subpackages). */
    static final List<String> ALLOWED_PACKAGES = List.of("ru.workready.engine.", "java.time.");
    /** Engine classes that create and run sessions: not facts, not for rules. */
    static final Set<String> ENGINE_DENIED = Set.of(
            "ru.workready.engine.scoring.Readiness", "ru.workready.engine.scoring.RulesPolicy",
            "ru.workready.engine.scoring.RuleRun", "ru.workready.engine.scoring.RuleSetChecks",
            "ru.workready.engine.scoring.Policy", "ru.workready.engine.scoring.RuleBudget");
    /** Member names that lead to classes, class loaders, reflection, processes or the engine's runtime. */
    static final Set<String> DENIED_MEMBERS = Set.of(
            "class", "getClass", "getClassLoader", "getContextClassLoader", "forName", "loadClass", "getRuntime",
            "exec", "invoke", "invokeExact", "newInstance", "getMethod", "getMethods", "getDeclaredMethod",
            "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor",
            "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "setAccessible", "getModule",
            "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getKieBase", "getKnowledgeBase",
            "getKieSession", "getEntryPoint", "getEntryPoints", "getChannels", "getGlobal", "getGlobals",
            "setGlobal", "getSessionClock", "getProcessInstance", "wait", "notify", "notifyAll", "finalize",
            "getMatch", "getRuleBase");
    /** Consequence variables of the rule runtime: only {@code drools.getRule().getName()} is allowed. */
    static final Set<String> RUNTIME_VARIABLES = Set.of("drools", "kcontext", "consequenceCtx", "context");
    /** Top-level package names: a qualified name starting with one of these is a class reference. */
    static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io", "ru",
            "kotlin", "scala", "groovy", "jakarta", "tools", "ch", "de", "lombok", "liquibase", "reactor", "nonapi",
            "mvel2", "antlr", "freemarker", "bsh", "edu", "me", "software", "au", "oracle");
    /** The rule attributes a rule set may set (timers, calendars and durations start threads). */
    static final Set<String> ALLOWED_ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "enabled", "dialect", "date-effective",
            "date-expires");
    /** The accumulate functions built into Drools. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average", "collectList",
            "collectSet", "countDistinct");
    /** MVEL resolves these simple names without an import. */
    private static final Map<String, String> MVEL_LITERALS = Map.of("Array", "java.lang.reflect.Array");
    private static final Set<String> LOOP_KEYWORDS = Set.of("while", "for", "do");
    private static final Set<String> DENIED_KEYWORDS = Set.of("synchronized", "class", "interface", "enum",
            "record", "import", "package", "native", "assert", "goto", "throw", "yield");
    private static final Set<String> KEYWORDS = Set.of("new", "return", "if", "else", "true", "false", "null",
            "instanceof", "this", "super", "final", "var", "int", "long", "double", "float", "short", "byte",
            "char", "boolean", "void", "try", "catch", "finally", "switch", "case", "default", "break", "continue",
            "matches", "memberOf", "contains", "soundslike", "in", "not", "str", "after", "before", "over",
            "modify", "update", "insert", "insertLogical", "delete", "retract", "with", "and", "or",
            "excludes", "coincides", "during", "finishes", "finishedby", "includes", "meets", "metby",
            "overlaps", "overlappedby", "starts", "startedby");

    private final ClassLoader loader;
    private final Set<String> declaredTypes = new HashSet<>();
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
        parsed.forEach((file, p) -> new FileCheck(guard, file, drl.get(file), p).run());
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
                add(file, lineOf(text, i), text.substring(i, Math.min(text.length(), i + 6)),
                        "unicode escapes are not allowed in rule sets: Java would read them as code; write the "
                                + "character itself");
            }
        }
    }

    private void add(String file, int line, String reference, String reason) {
        if (seen.add(file + '\u0000' + line + '\u0000' + reference)) {
            findings.add(new Finding(file, line, reference, reason));
        }
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

    /** Whether a class of this name is on the application's class path (loaded, never initialised). */
    private boolean exists(String name) {
        return classExists.computeIfAbsent(name, n -> {
            try {
                Class.forName(n, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
                return false;
            }
        });
    }

    static boolean allowed(String className) {
        String name = className.replace('$', '.');
        for (String denied : ENGINE_DENIED) {
            if (name.equals(denied) || name.startsWith(denied + ".")) {
                return false;
            }
        }
        for (String p : ALLOWED_PACKAGES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        for (String t : JDK_TYPES) {
            if (name.equals(t) || name.startsWith(t + ".")) {
                return true;
            }
        }
        return false;
    }

    static boolean allowedPackage(String pkg) {
        String p = pkg + ".";
        return ALLOWED_PACKAGES.stream().anyMatch(p::startsWith);
    }

    private static final String ALLOW_LIST = "rule sets may use the product's fact types (ru.workready.engine…), "
            + "java.time, Math, String, the number and boolean types, BigDecimal and the java.util collections";

    /** The check of one file: its imports, its package and what its rules, functions and types reference. */
    private static final class FileCheck {
        private final RuleSetGuard guard;
        private final String file;
        private final String source;
        private final PackageDescr pkg;
        private final int[] lineStarts;
        private final Map<String, String> imports = new HashMap<>();
        private final List<String> wildcards = new ArrayList<>();
        private final Set<String> functions = new HashSet<>();

        FileCheck(RuleSetGuard guard, String file, String source, PackageDescr pkg) {
            this.guard = guard;
            this.file = file;
            this.source = source;
            this.pkg = pkg;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        void add(int line, String reference, String reason) {
            guard.add(file, Math.max(1, line), reference, reason);
        }

        void run() {
            String packageName = pkg.getName() == null ? "" : pkg.getName();
            for (ImportDescr i : pkg.getImports()) {
                String target = i.getTarget().strip();
                if (target.endsWith(".*")) {
                    String p = target.substring(0, target.length() - 2);
                    if (allowedPackage(p)) {
                        wildcards.add(p);
                    } else {
                        add(i.getLine(), target, "import " + target + " is not allowed: " + ALLOW_LIST);
                    }
                } else {
                    imports.put(target.substring(target.lastIndexOf('.') + 1), target);
                    if (!allowed(target)) {
                        add(i.getLine(), target, "import " + target + " is not allowed: " + ALLOW_LIST);
                    }
                }
            }
            for (FunctionImportDescr f : pkg.getFunctionImports()) {
                String target = f.getTarget();
                String owner = target.contains(".") ? target.substring(0, target.lastIndexOf('.')) : target;
                if (!allowed(owner)) {
                    add(f.getLine(), target, "import function " + target + " is not allowed: " + ALLOW_LIST);
                }
            }
            for (var a : pkg.getAccumulateImports()) {
                add(a.getLine(), a.getTarget(), "import accumulate " + a.getTarget() + " is not allowed: use the "
                        + "built-in accumulate functions " + ACCUMULATE_FUNCTIONS);
            }
            for (GlobalDescr g : pkg.getGlobals()) {
                add(g.getLine(), "global " + g.getType() + " " + g.getIdentifier(), "globals are not allowed: a "
                        + "global hands the rules an object of the server's; rules get their input as facts");
            }
            for (var w : pkg.getWindowDeclarations()) {
                add(w.getLine(), "declare window " + w.getName(), "window declarations are not allowed");
            }
            for (var e : pkg.getEnumDeclarations()) {
                add(e.getLine(), "declare enum " + e.getTypeName(), "enum declarations are not allowed");
            }
            attributes(pkg.getAttributes(), pkg.getLine());
            for (FunctionDescr f : pkg.getFunctions()) {
                functions.add(f.getName());
            }
            for (FunctionDescr f : pkg.getFunctions()) {
                function(f);
            }
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                typeDeclaration(t);
            }
            for (RuleDescr r : pkg.getRules()) {
                rule(r);
            }
            if (!packageName.isEmpty() && !packageName.startsWith("ru.workready.rules")) {
                // classes of the rule's own package resolve without an import
                String root = packageName.contains(".") ? packageName.substring(0, packageName.indexOf('.'))
                        : packageName;
                if (PACKAGE_ROOTS.contains(root) && !packageName.startsWith("ru.workready.engine")) {
                    add(pkg.getLine(), packageName, "package " + packageName + " is not allowed: its classes would "
                            + "resolve without an import; use a package of your own, e.g. ru.workready.rules.<name>");
                }
            }
        }

        private void attributes(Iterable<AttributeDescr> attributes, int fallbackLine) {
            for (AttributeDescr a : attributes) {
                int line = a.getLine() > 0 ? a.getLine() : fallbackLine;
                if (!ALLOWED_ATTRIBUTES.contains(a.getName())) {
                    add(line, a.getName(), "the rule attribute '" + a.getName() + "' is not allowed (allowed: "
                            + new java.util.TreeSet<>(ALLOWED_ATTRIBUTES) + ")");
                } else if (a.getName().equals("dialect") && !"java".equals(a.getValue())) {
                    add(line, "dialect " + a.getValue(), "only the java dialect is allowed in rule sets");
                } else if (a.getName().equals("salience") || a.getName().equals("enabled")) {
                    expression(a.getValue(), line, Set.of(), false);
                }
            }
        }

        private void function(FunctionDescr f) {
            int line = f.getLine();
            if (f.getDialect() != null && !f.getDialect().equals("java")) {
                add(line, "function " + f.getName(), "only java functions are allowed in rule sets");
            }
            type(f.getReturnType(), line);
            for (String t : f.getParameterTypes()) {
                type(t, line);
            }
            Set<String> locals = new HashSet<>(f.getParameterNames());
            String body = f.getBody() == null ? "" : f.getBody();
            int at = locate(body, line);
            for (Token t : tokens(body)) {
                if (t.kind == Kind.IDENT && functions.contains(t.text) && t.next('(')) {
                    add(lineAt(body, at, line, t.offset), f.getName() + " → " + t.text, "a DRL function may not "
                            + "call a DRL function (" + t.text + "): recursion could run without end");
                }
            }
            expression(body, line, locals, true);
        }

        private void typeDeclaration(TypeDeclarationDescr t) {
            int line = t.getLine();
            if (t.isTrait()) {
                add(line, "declare trait " + t.getTypeName(), "trait declarations are not allowed");
            }
            for (var s : t.getSuperTypes()) {
                if (!s.getFullName().equals("java.lang.Object")) {
                    type(s.getFullName(), line);
                }
            }
            for (TypeFieldDescr field : t.getFields().values()) {
                int fl = field.getLine() > 0 ? field.getLine() : line;
                if (field.getPattern() != null) {
                    type(field.getPattern().getObjectType(), fl);
                }
                if (field.getInitExpr() != null) {
                    expression(field.getInitExpr(), fl, Set.of(), false);
                }
            }
        }

        private void rule(RuleDescr r) {
            int line = r.getLine();
            attributes(r.getAttributes().values(), line);
            Set<String> bindings = new HashSet<>();
            if (r.getLhs() != null) {
                lhs(r.getLhs(), bindings, line);
            }
            consequence(r.getConsequence(), r.getConsequenceLine() > 0 ? r.getConsequenceLine() : line, bindings,
                    r.getName());
            r.getNamedConsequences().forEach((name, c) -> consequence(c, r.getConsequenceLine(), bindings,
                    r.getName() + " [" + name + "]"));
        }

        private void consequence(@Nullable Object consequence, int line, Set<String> bindings, String rule) {
            if (consequence == null) {
                return;
            }
            if (!(consequence instanceof String text)) {
                add(line, "rule \"" + rule + "\"", "the consequence is not text");
                return;
            }
            expression(text, line, bindings, true);
        }

        private void lhs(BaseDescr d, Set<String> bindings, int ruleLine) {
            int line = d.getLine() > 0 ? d.getLine() : ruleLine;
            if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                    || d instanceof ForallDescr) {
                for (BaseDescr c : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                    lhs(c, bindings, line);
                }
            } else if (d instanceof PatternDescr p) {
                pattern(p, bindings, line);
            } else if (d instanceof EvalDescr e) {
                add(line, "eval(" + e.getContent() + ")", "eval is not allowed: write the condition as a constraint "
                        + "of a pattern, e.g. FunctionFacts( coverage < 0.6 )");
            } else if (d instanceof ConditionalBranchDescr || d instanceof NamedConsequenceDescr) {
                if (d instanceof ConditionalBranchDescr) {
                    add(line, "if ( … ) do[ … ]", "conditional consequences are not allowed in rule sets");
                }
            } else {
                add(line, d.getClass().getSimpleName().replace("Descr", ""), "this construct is not allowed in rule "
                        + "sets: patterns, and/or/not/exists/forall, from, collect and accumulate are");
            }
        }

        private void pattern(PatternDescr p, Set<String> bindings, int line) {
            if (p.getIdentifier() != null) {
                bindings.add(p.getIdentifier());
            }
            if (!p.isQuery()) {
                patternType(p.getObjectType(), line);
            }
            if (!p.getBehaviors().isEmpty()) {
                add(line, "over window", "sliding windows are not allowed in rule sets");
            }
            for (BaseDescr c : p.getDescrs()) {
                int cl = c.getLine() > 0 ? c.getLine() : line;
                if (c instanceof ExprConstraintDescr e) {
                    bind(e.getExpression(), bindings);
                    expression(e.getExpression(), cl, bindings, false);
                } else if (c instanceof BindingDescr b) {
                    bindings.add(b.getVariable());
                    expression(b.getExpression(), cl, bindings, false);
                } else {
                    add(cl, c.getText(), "this kind of constraint is not allowed in rule sets");
                }
            }
            PatternSourceDescr source = p.getSource();
            if (source == null || source instanceof EntryPointDescr) {
                return;
            }
            if (source instanceof FromDescr from) {
                String expression = from.getDataSource() instanceof MVELExprDescr m ? m.getExpression()
                        : from.getExpression();
                expression(expression, line, bindings, false);
            } else if (source instanceof CollectDescr collect) {
                pattern(collect.getInputPattern(), bindings, line);
            } else if (source instanceof AccumulateDescr acc && !(source instanceof GroupByDescr)) {
                int al = acc.getLine() > 0 ? acc.getLine() : line;
                if (!acc.isExternalFunction()) {
                    add(al, "accumulate( …; init( … ) … )", "inline accumulate code is not allowed: use the "
                            + "accumulate functions " + new java.util.TreeSet<>(ACCUMULATE_FUNCTIONS));
                }
                if (acc.getInput() != null) {
                    lhs(acc.getInput(), bindings, al);
                }
                for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
                    if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                        add(al, f.getFunction(), "accumulate function " + f.getFunction() + " is not allowed: use "
                                + new java.util.TreeSet<>(ACCUMULATE_FUNCTIONS));
                    }
                    for (String param : f.getParams()) {
                        expression(param, al, bindings, false);
                    }
                    if (f.getBind() != null) {
                        bindings.add(f.getBind());
                    }
                }
            } else {
                add(line, source.getClass().getSimpleName().replace("Descr", ""), "this pattern source is not "
                        + "allowed in rule sets: from, collect and accumulate are");
            }
        }

        /** "$code : code" binds $code. */
        private static void bind(String expression, Set<String> bindings) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([$\\w]+)\\s*:(?!=)")
                    .matcher(expression);
            if (m.find()) {
                bindings.add(m.group(1));
            }
        }

        /** A pattern's type: allowed or declared; one that resolves to nothing is left to the compiler. */
        private void patternType(String type, int line) {
            if (type == null || type.isBlank()) {
                return;
            }
            String name = type.strip();
            if (guard.declaredTypes.contains(name)) {
                return;
            }
            String resolved = name.contains(".") ? qualified(name) : resolve(name);
            if (resolved != null && !allowed(resolved)) {
                add(line, name, forbidden(name, resolved));
            } else if (resolved == null && name.contains(".") && !allowedName(name)) {
                add(line, name, "the type " + name + " is not allowed: " + ALLOW_LIST);
            }
        }

        /** A type written in a declaration (field, parameter, return type): every name in it is checked. */
        private void type(@Nullable String type, int line) {
            if (type != null && !type.isBlank()) {
                expression(type, line, Set.of(), false);
            }
        }

        private @Nullable String qualified(String name) {
            String[] parts = name.split("\\.");
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                prefix.append(i == 0 ? "" : ".").append(parts[i]);
                if (i > 0 && guard.exists(prefix.toString())) {
                    return prefix.toString();
                }
            }
            return null;
        }

        private static boolean allowedName(String qualifiedName) {
            return allowed(qualifiedName) || ALLOWED_PACKAGES.stream().anyMatch(qualifiedName::startsWith);
        }

        /** How Java and MVEL resolve a simple name here: import, import on demand, own package, java.lang. */
        private @Nullable String resolve(String simple) {
            String imported = imports.get(simple);
            if (imported != null) {
                return imported;
            }
            for (String w : wildcards) {
                if (guard.exists(w + "." + simple)) {
                    return w + "." + simple;
                }
            }
            String own = pkg.getName() == null || pkg.getName().isEmpty() ? simple : pkg.getName() + "." + simple;
            if (guard.exists(own)) {
                return own;
            }
            if (guard.exists("java.lang." + simple)) {
                return "java.lang." + simple;
            }
            return MVEL_LITERALS.get(simple);
        }

        private static String forbidden(String written, String resolved) {
            return (written.equals(resolved) ? resolved : written + " (" + resolved + ")") + " is not allowed: "
                    + ALLOW_LIST;
        }

        /** Where a fragment of text reported at a line starts in the file: its offset, or -1. */
        private int locate(String fragment, int line) {
            String probe = fragment.strip();
            if (probe.isEmpty() || line < 1) {
                return -1;
            }
            int from = lineStarts[Math.min(line, lineStarts.length) - 1];
            return source.indexOf(probe, from) - (fragment.indexOf(probe));
        }

        private int lineAt(String fragment, int fragmentOffset, int line, int offset) {
            if (fragmentOffset >= 0) {
                return lineOf(source, fragmentOffset + offset);
            }
            return line + (int) fragment.substring(0, offset).chars().filter(c -> c == '\n').count();
        }

        /**
         * Checks the names an expression or block of Java/MVEL references. Identifiers are read as tokens,
         * skipping string literals and comments, and joined into qualified names across dots.
         */
        private void expression(@Nullable String text, int line, Set<String> bindings, boolean block) {
            if (text == null || text.isBlank()) {
                return;
            }
            int at = locate(text, line);
            List<Token> tokens = tokens(text);
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind != Kind.IDENT) {
                    continue;
                }
                int tl = lineAt(text, at, line, t.offset);
                boolean member = i > 0 && tokens.get(i - 1).kind == Kind.DOT;
                if (member) {
                    if (DENIED_MEMBERS.contains(t.text)) {
                        add(tl, "." + t.text, "." + t.text + " is not allowed in rule sets: it leads to classes, "
                                + "reflection or the rule engine's runtime");
                    }
                    continue;
                }
                String word = t.text;
                if (LOOP_KEYWORDS.contains(word)) {
                    add(tl, word, "loops (" + word + ") are not allowed in rule sets: a rule set must finish; use "
                            + "patterns and accumulate to go over facts");
                    continue;
                }
                if (DENIED_KEYWORDS.contains(word)) {
                    add(tl, word, "'" + word + "' is not allowed in rule sets");
                    continue;
                }
                if (word.equals("eval") && t.next('(')) {
                    add(tl, "eval(…)", "eval is not allowed: write the condition as a constraint of a pattern");
                    continue;
                }
                if (KEYWORDS.contains(word) || functions.contains(word)) {
                    continue;
                }
                List<String> chain = chain(tokens, i);
                if (RUNTIME_VARIABLES.contains(word) && !bindings.contains(word)) {
                    if (!(word.equals("drools") || word.equals("kcontext")) || !ruleName(tokens, i)) {
                        add(tl, String.join(".", chain), String.join(".", chain) + " is not allowed: of the rule "
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
                    String resolved = resolve(word);
                    if (resolved == null) {
                        add(tl, word, "unknown name " + word + ": not an imported or declared fact type, nor a "
                                + "binding (" + ALLOW_LIST + ")");
                    } else if (!allowed(resolved)) {
                        add(tl, word, forbidden(word, resolved));
                    }
                    continue;
                }
                if (chain.size() >= 2) {
                    String joined = String.join(".", chain);
                    String resolved = qualified(joined);
                    if (resolved != null) {
                        if (!allowed(resolved)) {
                            add(tl, joined, forbidden(resolved, resolved));
                        }
                    } else if (PACKAGE_ROOTS.contains(word) && !allowedName(joined)) {
                        add(tl, joined, "the qualified name " + joined + " is not allowed: " + ALLOW_LIST);
                    }
                } else if (PACKAGE_ROOTS.contains(word) && i + 1 < tokens.size()
                        && tokens.get(i + 1).kind == Kind.DOT) {
                    add(tl, word, "the qualified name " + word + "… is not allowed: " + ALLOW_LIST);
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
