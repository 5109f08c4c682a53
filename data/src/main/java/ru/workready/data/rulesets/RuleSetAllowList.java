package ru.workready.data.rulesets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an uploaded rule set may reference: the allow-list and deny-lists {@link RuleSetGuard} checks against. */
final class RuleSetAllowList {
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
            "ru.workready.engine.scoring.ReadinessEvaluator", "ru.workready.engine.scoring.RulesPolicy",
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
    static final Map<String, String> MVEL_LITERALS = Map.of("Array", "java.lang.reflect.Array");
    static final Set<String> LOOP_KEYWORDS = Set.of("while", "for", "do");
    static final Set<String> DENIED_KEYWORDS = Set.of("synchronized", "class", "interface", "enum",
            "record", "import", "package", "native", "assert", "goto", "throw", "yield");
    static final Set<String> KEYWORDS = Set.of("new", "return", "if", "else", "true", "false", "null",
            "instanceof", "this", "super", "final", "var", "int", "long", "double", "float", "short", "byte",
            "char", "boolean", "void", "try", "catch", "finally", "switch", "case", "default", "break", "continue",
            "matches", "memberOf", "contains", "soundslike", "in", "not", "str", "after", "before", "over",
            "modify", "update", "insert", "insertLogical", "delete", "retract", "with", "and", "or",
            "excludes", "coincides", "during", "finishes", "finishedby", "includes", "meets", "metby",
            "overlaps", "overlappedby", "starts", "startedby");


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

    static final String ALLOW_LIST = "rule sets may use the product's fact types (ru.workready.engine…), "
            + "java.time, Math, String, the number and boolean types, BigDecimal and the java.util collections";

    private RuleSetAllowList() {
    }
}
