package ru.workready.data.rulesets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * The checks of an uploaded rule set's shape, before any table is read or anything compiled: its name, file names and
 * sizes, parameters; and, once tables are turned into DRL, that no two rules share a name. Every problem is listed.
 */
final class RuleSetUploadChecks {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final Pattern FILE = Pattern.compile("[A-Za-z0-9_.-]{1,80}\\.drl");
    static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,79}");
    static final int MAX_DRL_CHARS = 1_000_000;
    /** Decision tables of one upload, decoded: a methodologist's workbook is a few tens of kilobytes. */
    static final int MAX_TABLE_BYTES = 4 * 1024 * 1024;

    private RuleSetUploadChecks() {
    }

    static List<Problem> shape(@Nullable String name, Map<String, String> drl, Map<String, byte[]> tables,
                               Map<String, Double> parameters) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(new Problem(null, "name", name, "expected 1–40 characters a-z, 0-9, '-'"));
        }
        if (drl.isEmpty() && tables.isEmpty()) {
            problems.add(new Problem(null, "drl", null,
                    "at least one DRL file (name → text) or decision table (tables: name → base64) is required"));
        }
        tables(drl, tables, problems);
        drlFiles(drl, problems);
        parameters(parameters, problems);
        return problems;
    }

    private static void tables(Map<String, String> drl, Map<String, byte[]> tables, List<Problem> problems) {
        long tableBytes = 0;
        for (Map.Entry<String, byte[]> t : tables.entrySet()) {
            if (!DecisionTables.FILE.matcher(t.getKey()).matches()) {
                problems.add(new Problem(null, "tables", t.getKey(),
                        "decision table names end in .xlsx, .xls or .csv: letters, digits, _ . -"));
            } else if (drl.containsKey(DecisionTables.drlFile(t.getKey()))) {
                problems.add(new Problem(null, "drl", DecisionTables.drlFile(t.getKey()),
                        "this name is reserved for the DRL generated from the table " + t.getKey()));
            }
            if (t.getValue().length == 0) {
                problems.add(new Problem(null, "tables", t.getKey(), "empty file"));
            }
            tableBytes += t.getValue().length;
        }
        if (tableBytes > MAX_TABLE_BYTES) {
            problems.add(new Problem(null, "tables", null, "more than " + MAX_TABLE_BYTES + " bytes of decision tables"));
        }
    }

    private static void drlFiles(Map<String, String> drl, List<Problem> problems) {
        long size = 0;
        for (Map.Entry<String, String> e : drl.entrySet()) {
            if (!FILE.matcher(e.getKey()).matches()) {
                problems.add(new Problem(null, "drl", e.getKey(), "file names end in .drl: letters, digits, _ . -"));
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                problems.add(new Problem(null, "drl", e.getKey(), "empty file"));
            } else {
                size += e.getValue().length();
            }
        }
        if (size > MAX_DRL_CHARS) {
            problems.add(new Problem(null, "drl", null, "more than " + MAX_DRL_CHARS + " characters of DRL"));
        }
    }

    private static void parameters(Map<String, Double> parameters, List<Problem> problems) {
        parameters.forEach((k, v) -> {
            if (!PARAMETER.matcher(k).matches()) {
                problems.add(new Problem(null, "parameters", k, "parameter names are letters, digits, . _ -"));
            } else if (v == null || !Double.isFinite(v)) {
                problems.add(new Problem(null, "parameters." + k, String.valueOf(v), "a finite number is required"));
            } else if (k.startsWith("weight.")) {
                String kind = k.substring("weight.".length());
                if (EvidenceKind.parse(kind).filter(x -> x.name().equals(kind)).isEmpty()) {
                    problems.add(new Problem(null, "parameters." + k, kind, "unknown evidence kind"));
                } else if (!(v > 0)) {
                    problems.add(new Problem(null, "parameters." + k, String.valueOf(v), "a kind weight must be > 0"));
                }
            }
        });
    }

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    /**
     * A table row named like another rule of the rule set (in a DRL file or another row): Drools allows it
     * across packages, but explanations, which show rule names, could not tell the two apart.
     */
    static List<Problem> ambiguousNames(Map<String, String> drl, List<GeneratedTable> generated) {
        Map<String, String> seen = new java.util.HashMap<>();
        drl.forEach((file, text) -> {
            java.util.regex.Matcher m = RULE_NAME.matcher(text == null ? "" : text);
            while (m.find()) {
                seen.putIfAbsent(m.group(1), file);
            }
        });
        List<Problem> problems = new ArrayList<>();
        for (GeneratedTable g : generated) {
            for (GeneratedRule r : g.rules()) {
                String other = seen.putIfAbsent(r.name(), g.file() + " row " + r.row());
                if (other != null) {
                    problems.add(new Problem(r.row(), g.where(r.startCell()), r.name(),
                            "another rule of the rule set (" + other + ") has this name; explanations show rule "
                                    + "names, so they must be unique"));
                }
            }
        }
        return problems;
    }
}
