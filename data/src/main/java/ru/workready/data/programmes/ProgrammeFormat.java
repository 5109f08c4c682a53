package ru.workready.data.programmes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.workready.data.ProblemType;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.csv.CsvCells;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.CsvTable;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.Programme;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The programme file formats: JSON (schema {@value #SCHEMA_ID}, served at
 * /api/programmes/schema) and a CSV variant for spreadsheet users with one row per programme,
 * ВД or outcome. Reading validates everything and lists every problem (JSON pointer or CSV row
 * and column); writing produces files that read back to the same programme.
 */
public final class ProgrammeFormat {
    public static final String SCHEMA_ID = "https://workready.ru/schemas/programme-1.json";
    public static final String SCHEMA_RESOURCE = "/schemas/programme.schema.json";
    public static final List<String> CSV_COLUMNS = List.of("kind", "code", "name", "activity_code", "module_code",
            "parent_code", "qualification", "qualification_level", "intake_year");
    static final ProblemType PROBLEM_TYPE = ProblemType.INVALID_PROGRAMME;
    static final int MAX_LISTED = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The JSON document: the programme with a pointer to its schema. */
    public record Document(@JsonProperty("$schema") String schema, String fgosCode, String name, String qualification,
                           int qualificationLevel, int intakeYear, List<ActivityKind> activities,
                           List<Outcome> outcomes) {
    }

    private ProgrammeFormat() {
    }

    // ------------------------------------------------------------------ JSON

    public static Programme readJson(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new InvalidInputException(PROBLEM_TYPE, "The programme file is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(PROBLEM_TYPE, "The programme file must be a JSON object");
        }
        try {
            ru.workready.data.Inputs.checkJson(root);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(PROBLEM_TYPE, e.getMessage(), e.problems(), e.problemCount());
        }
        // the structure is the served schema's; what a schema cannot say (duplicates, parents, activity codes) is the
        // builder's, and both are listed together, one problem per place
        List<Problem> structure = ProgrammeSchema.problems(root);
        try {
            Programme p = domain(root);
            if (structure.isEmpty()) {
                return p;
            }
            throw invalid(structure);
        } catch (InvalidInputException e) {
            if (structure.isEmpty() || !e.type().equals(PROBLEM_TYPE) || e.problems().isEmpty()) {
                throw structure.isEmpty() ? e : invalid(structure);
            }
            Set<String> places = new java.util.HashSet<>();
            structure.forEach(p -> places.add(p.column()));
            List<Problem> all = new ArrayList<>(structure);
            e.problems().stream().filter(p -> !places.contains(p.column())).forEach(all::add);
            throw invalid(all);
        }
    }

    private static InvalidInputException invalid(List<Problem> problems) {
        return new InvalidInputException(PROBLEM_TYPE, "The programme file has " + problems.size()
                + " problem(s); nothing was stored", problems.subList(0, Math.min(MAX_LISTED, problems.size())),
                problems.size());
    }

    private static Programme domain(JsonNode root) {
        ProgrammeBuilder b = new ProgrammeBuilder();
        b.header(null, "/", text(root, "fgosCode"), text(root, "name"), text(root, "qualification"),
                text(root, "qualificationLevel"), text(root, "intakeYear"));
        JsonNode activities = root.path("activities");
        for (int i = 0; activities.isArray() && i < activities.size(); i++) {
            JsonNode a = activities.get(i);
            b.activity(null, "/activities/" + i + "/", text(a, "code"), text(a, "moduleCode"), text(a, "name"));
        }
        JsonNode outcomes = root.path("outcomes");
        for (int i = 0; outcomes.isArray() && i < outcomes.size(); i++) {
            JsonNode o = outcomes.get(i);
            b.outcome(null, "/outcomes/" + i + "/", text(o, "kind"), text(o, "code"), text(o, "name"),
                    text(o, "activityCode"), text(o, "parentCode"));
        }
        return b.build();
    }

    public static byte[] writeJson(Programme p) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Document(SCHEMA_ID, p.fgosCode(), p.name(),
                p.qualification(), p.qualificationLevel(), p.intakeYear(), p.activities(), p.outcomes()));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }

    // ------------------------------------------------------------------ CSV

    public static Programme readCsv(byte[] content) {
        return readRows(sink -> CsvTable.read(content, sink));
    }

    /**
     * The CSV variant's columns on the first sheet of an XLSX workbook (colleges keep curricula in spreadsheets);
     * rows are sheet rows, the header is row 1.
     */
    public static Programme readXlsx(byte[] content) {
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("programme-", ".xlsx");
            java.nio.file.Files.write(file, content);
            java.nio.file.Path read = file;
            return readRows(sink -> {
                List<String>[] header = new List[1];
                ru.workready.data.csv.TabularReader.read(ru.workready.data.csv.TabularFormat.XLSX, read,
                        java.nio.charset.StandardCharsets.UTF_8, h -> header[0] = h, sink);
                return header[0] == null ? List.of() : header[0];
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary file: the system cleans it up
                }
            }
        }
    }

    /** Builds a programme from rows of the CSV variant's columns, however they were read; returns the header. */
    private static Programme readRows(java.util.function.Function<java.util.function.Consumer<CsvReader.Row>,
            List<String>> rows) {
        ProgrammeBuilder b = new ProgrammeBuilder();
        boolean[] headerSeen = {false};
        List<String> header = rows.apply(row -> {
            String kind = row.get("kind");
            String k = kind == null ? "" : kind.toUpperCase(Locale.ROOT);
            if (k.equals("PROGRAMME") || k.equals("ПРОГРАММА")) {
                if (headerSeen[0]) {
                    b.problems.add(new Problem(row.number(), "kind", kind, "only one PROGRAMME row is allowed"));
                    return;
                }
                headerSeen[0] = true;
                b.header(row.number(), "", row.get("code"), CsvCells.restore(row.get("name")), CsvCells.restore(row.get("qualification")),
                        row.get("qualification_level"), row.get("intake_year"));
            } else if (k.equals("ACTIVITY") || k.equals("ВД")) {
                b.activity(row.number(), "", row.get("code"), row.get("module_code"), CsvCells.restore(row.get("name")));
            } else {
                b.outcome(row.number(), "", kind, row.get("code"), CsvCells.restore(row.get("name")), row.get("activity_code"),
                        row.get("parent_code"));
            }
        });
        List<Problem> missing = List.of("kind", "code", "name").stream().filter(c -> !header.contains(c))
                .map(c -> new Problem(1, c, null, "missing column")).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(PROBLEM_TYPE, "The programme file lacks required columns", missing,
                    missing.size());
        }
        if (!headerSeen[0]) {
            b.problems.add(new Problem(null, "kind", null,
                    "a PROGRAMME row (ФГОС code, name, qualification, level, intake year) is required"));
        }
        return b.build();
    }

    public static String writeCsv(Programme p) {
        StringBuilder sb = new StringBuilder("\uFEFF").append(String.join(";", CSV_COLUMNS)).append("\r\n");
        row(sb, "PROGRAMME", p.fgosCode(), p.name(), null, null, null, p.qualification(),
                Integer.toString(p.qualificationLevel()), Integer.toString(p.intakeYear()));
        for (ActivityKind a : p.activities()) {
            row(sb, "ACTIVITY", a.code(), a.name(), null, a.moduleCode(), null, null, null, null);
        }
        for (Outcome o : p.outcomes()) {
            row(sb, o.kind().name(), o.code(), o.name(), o.activityCode(), null, o.parentCode(), null, null, null);
        }
        return sb.toString();
    }

    /** Cells through {@link CsvCells}: a name starting with = + - @ must not run as a spreadsheet formula. */
    private static void row(StringBuilder sb, @Nullable String... cells) {
        sb.append(CsvCells.line(';', cells)).append("\r\n");
    }
}
