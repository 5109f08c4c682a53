package ru.workready.data.rulesets;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.CsvTable;
import ru.workready.data.csv.XlsxGuard;

/**
 * Decision tables (таблицы решений) — the spreadsheets a region's methodologists edit — turned into DRL
 * with Drools' {@link SpreadsheetCompiler}. The DRL is then compiled and tested like hand-written DRL.
 * Every problem is located by file, sheet and cell (e.g. {@code region.xlsx: Политика!C12}), because
 * the people who fix it look at the spreadsheet, not at the generated DRL.
 */
public final class DecisionTables {

    /** The formats Drools reads: Excel 2007+ and 97–2003 workbooks, and CSV. */
    public enum Format { XLSX, XLS, CSV }

    /** One rule generated from a table row; row is the spreadsheet row (1-based). */
    public record GeneratedRule(String name, int row, String startCell) {
    }

    /**
     * A table turned into DRL. sheet: the worksheet the rules were read from (null for CSV); cells: that
     * sheet's text by row and column (0-based column), to point compile errors at a cell.
     */
    public record Generated(String file, Format format, @Nullable String sheet, String drl, List<GeneratedRule> rules,
                     Map<Integer, List<String>> cells) {

        /** Where a reference to a cell is shown: "file: Sheet!C12", or "file: C12" for CSV. */
        public String where(String cell) {
            return file + ": " + (sheet == null ? "" : quoteSheet(sheet) + "!") + cell;
        }

        /**
         * Maps a compile error back to the spreadsheet: the rule row it belongs to (by the DRL line, or,
         * for errors Drools reports without a line, by the text it quotes) and, where the offending text
         * contains a cell's value, that cell.
         */
        public Problem locate(@Nullable Integer drlLine, String reason) {
            String[] lines = drl.split("\n", -1);
            GeneratedRule rule = null;
            String text = reason;
            if (drlLine != null && drlLine > 0) {
                for (int i = Math.min(drlLine, lines.length) - 1; i >= 0 && rule == null; i--) {
                    Matcher m = RULE_VALUES.matcher(lines[i]);
                    if (m.find()) {
                        int row = Integer.parseInt(m.group(2));
                        rule = rules.stream().filter(r -> r.row() == row).findFirst()
                                .orElse(new GeneratedRule("?", row, m.group(1) + m.group(2)));
                    }
                }
                text = drlLine <= lines.length ? lines[drlLine - 1] : "";
                if (rule == null) {
                    // before the first rule: the package header built from the RuleSet/Import/Variables cells
                    return settingsProblem("in the RuleSet/Import settings: " + reason);
                }
            }
            Problem template = templateProblem(reason);
            if (template != null) {
                return template;
            }
            String cell = rule == null ? null : rule.startCell();
            String value = null;
            int best = 2; // one- and two-character values ("X", "3") would match anywhere
            for (GeneratedRule r : rule == null ? rules : List.of(rule)) {
                List<String> row = cells.getOrDefault(r.row(), List.of());
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c).strip();
                    if (v.length() > best && !v.equals(r.name()) && text.contains(v)) {
                        best = v.length();
                        cell = columnName(c) + r.row();
                        value = v;
                        rule = r;
                    }
                }
            }
            if (rule == null) {
                rule = rules.stream().filter(r -> reason.contains("\"" + r.name() + "\"")).findFirst().orElse(null);
                cell = rule == null ? null : rule.startCell();
            }
            if (rule == null) {
                return settingsProblem(reason);
            }
            return new Problem(rule.row(), where(cell), value, "rule \"" + rule.name() + "\": " + reason);
        }

        /**
         * An error naming a type or field in quotes ('EvidenceFacts') that a template cell (the fact-type
         * and code rows under the NAME/CONDITION/ACTION row) holds: the template is at fault, not the rows
         * it generated. Reported once for all rules, without a rule name.
         */
        private @Nullable Problem templateProblem(String reason) {
            int first = rules.stream().mapToInt(GeneratedRule::row).min().orElse(Integer.MAX_VALUE);
            int table = cells.entrySet().stream().filter(e -> e.getKey() < first && e.getValue().stream()
                            .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("ruletable")))
                    .mapToInt(Map.Entry::getKey).max().orElse(first);
            Matcher quoted = QUOTED.matcher(reason);
            while (quoted.find()) {
                Pattern word = Pattern.compile("(?<![\\w$.])" + Pattern.quote(quoted.group(1)) + "(?![\\w$])");
                for (int row = table + 2; row < first; row++) { // the fact-type and code rows
                    List<String> r = cells.getOrDefault(row, List.of());
                    for (int c = 0; c < r.size(); c++) {
                        if (word.matcher(r.get(c)).find()) {
                            return new Problem(row, where(columnName(c) + row), r.get(c).strip(), reason);
                        }
                    }
                }
            }
            return null;
        }

        /** A problem of the settings rows: at the Import cell's value (imports are what goes wrong), else RuleSet. */
        private Problem settingsProblem(String reason) {
            for (String keyword : List.of("Import", "RuleSet")) {
                for (Map.Entry<Integer, List<String>> row : cells.entrySet()) {
                    List<String> r = row.getValue();
                    for (int c = 0; c < r.size(); c++) {
                        if (r.get(c).strip().equalsIgnoreCase(keyword)) {
                            boolean hasValue = c + 1 < r.size() && !r.get(c + 1).isBlank();
                            int at = hasValue ? c + 1 : c;
                            return new Problem(row.getKey(), where(columnName(at) + row.getKey()),
                                    hasValue ? r.get(at) : null, reason);
                        }
                    }
                }
            }
            return new Problem(null, file, null, reason);
        }
    }

    /** What an XLSX may unpack to. */
    static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;
    /** A decision table's limits: 8 MB a part, 4 MB and 50,000 shared strings, 200,000 XML elements. */
    static final XlsxGuard.Limits LIMITS = new XlsxGuard.Limits(8L << 20, 8L << 20, 4L << 20, 50_000,
            MAX_UNPACKED_BYTES, 200_000);
    static final Pattern FILE = Pattern.compile("[A-Za-z0-9_.-]{1,80}\\.(xlsx|xls|csv)");
    /** The comment Drools writes before each generated rule: "// rule values at A11, header at A5". */
    private static final Pattern RULE_VALUES = Pattern.compile("// rule values at ([A-Z]+)(\\d+), header at");
    private static final Pattern RULE = Pattern.compile("^rule \"(.*)\"\\s*$");
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z_$][\\w$.]*)'");
    private static final Pattern CELL = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,7})\\b");

    private DecisionTables() {
    }

    public static Format format(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        return Format.valueOf(ext);
    }

    /** The DRL a table stands for, under this name in the version's drl map. */
    static String drlFile(String file) {
        return file + ".drl";
    }

    /** Generates the DRL of one table, or throws {@link InvalidInputException} naming the cell at fault. */
    public static Generated toDrl(String file, byte[] content) {
        Format format = format(file);
        TableSource source = format == Format.CSV ? csvSource(content) : workbookSource(file, format, content);
        String drl = compile(file, format, source);
        Generated g = new Generated(file, format, source.sheet(), drl, rules(drl), source.cells());
        requireRuleRows(file, g);
        return g;
    }

    /** What Drools compiles (the sheet with the rules, for a workbook) and its cells, to name the cell at fault. */
    private record TableSource(@Nullable String sheet, Map<Integer, List<String>> cells, byte[] input) {
    }

    private static TableSource csvSource(byte[] content) {
        String text = commaSeparated(CsvReader.decode(content));
        return new TableSource(null, csvCells(text), text.getBytes(StandardCharsets.UTF_8)); // Drools reads CSV as UTF-8
    }

    private static TableSource workbookSource(String file, Format format, byte[] content) {
        if (format == Format.XLSX) {
            checkUnpackedSize(file, content);
        }
        Map<String, Map<Integer, List<String>>> sheets = workbookCells(file, content);
        // the rules are on the first sheet with a RuleTable: a notes sheet may come before it
        String sheet = sheets.entrySet().stream().filter(e -> hasRuleTable(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (sheet == null) {
            throw problem(file, null, file, null, "no sheet has a RuleTable cell: a decision table starts "
                    + "with a cell 'RuleTable <name>' above its NAME/CONDITION/ACTION header row");
        }
        return new TableSource(sheet, sheets.get(sheet), content);
    }

    private static String compile(String file, Format format, TableSource source) {
        String sheet = source.sheet();
        try (InputStream in = new ByteArrayInputStream(source.input())) {
            return format == Format.CSV ? new SpreadsheetCompiler().compile(in, InputType.CSV)
                    : new SpreadsheetCompiler().compile(in, sheet);
        } catch (RuntimeException | java.io.IOException e) {
            // Drools' parse errors name the cell ("Code description in cell C8 does not contain …")
            String reason = reason(e);
            Matcher m = CELL.matcher(reason);
            String where = file + (sheet == null ? "" : ": " + quoteSheet(sheet));
            if (m.find()) {
                int row = Integer.parseInt(m.group(2));
                List<String> r = source.cells().getOrDefault(row, List.of());
                int col = columnIndex(m.group(1));
                String value = col < r.size() && !r.get(col).isBlank() ? r.get(col) : null;
                throw problem(file, row, where + (sheet == null ? ": " : "!") + m.group(), value, reason);
            }
            throw problem(file, null, where, null, reason);
        }
    }

    /** The table must have rule rows, each with a name of its own. */
    private static void requireRuleRows(String file, Generated g) {
        List<Problem> problems = new ArrayList<>();
        if (g.rules().isEmpty()) {
            problems.add(new Problem(null, g.where("RuleTable"), null,
                    "the table has no rule rows: each row under the header rows is one rule"));
        }
        for (GeneratedRule r : g.rules()) {
            // without a NAME column Drools names a rule "<table>_<row>": unreadable in explanations
            if (r.name().endsWith("_" + r.row()) || r.name().isBlank()) {
                problems.add(new Problem(r.row(), g.where(r.startCell()), r.name(),
                        "the rule has no name: add a NAME column and name each row, since the name is what "
                                + "explanations show as the rule that fired"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(RuleSetService.PROBLEM, "The decision table " + file + " has "
                    + problems.size() + " problem(s); nothing was stored", problems, problems.size());
        }
    }

    private static InvalidInputException problem(String file, @Nullable Integer row, String where,
                                                 @Nullable String value, String reason) {
        return new InvalidInputException(RuleSetService.PROBLEM, "The decision table " + file
                + " cannot be read; nothing was stored", List.of(new Problem(row, where, value, reason)), 1);
    }

    private static String reason(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 400; t = t.getCause()) {
            if (t.getMessage() != null && !s.toString().contains(t.getMessage())) {
                s.append(s.length() == 0 ? "" : ": ").append(t.getMessage().strip());
            }
        }
        return s.length() == 0 ? e.getClass().getSimpleName() : s.toString();
    }

    private static List<GeneratedRule> rules(String drl) {
        List<GeneratedRule> rules = new ArrayList<>();
        String[] lines = drl.split("\n");
        for (int i = 1; i < lines.length; i++) {
            Matcher rule = RULE.matcher(lines[i]);
            Matcher at = RULE_VALUES.matcher(lines[i - 1]);
            if (rule.find() && at.find()) {
                rules.add(new GeneratedRule(rule.group(1), Integer.parseInt(at.group(2)), at.group(1) + at.group(2)));
            }
        }
        return rules;
    }

    /**
     * An XLSX is a zip: a few kilobytes can unpack to gigabytes, and POI's user model holds all of it
     * in memory, an object per XML element. A methodologist's workbook unpacks to well under a
     * megabyte, so the shared limits ({@link XlsxGuard}) are tight here: every part's declared size,
     * then its bytes as they inflate, the shared strings and the elements of all parts counted.
     */
    private static void checkUnpackedSize(String file, byte[] content) {
        try {
            XlsxGuard.checkWhole(content, LIMITS);
        } catch (InvalidInputException e) {
            Problem p = e.problems().isEmpty() ? Problem.ofFile(e.getMessage()) : e.problems().get(0);
            throw problem(file, null, p.column() == null ? file : file + ": " + p.column(), null,
                    p.reason().startsWith(XlsxGuard.UNREADABLE) ? p.reason()
                            : p.reason() + "; a decision table is far smaller");
        }
    }

    private static boolean hasRuleTable(Map<Integer, List<String>> cells) {
        return cells.values().stream().flatMap(List::stream)
                .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("ruletable"));
    }

    /** Every sheet's cell text (as Excel shows it), in workbook order. */
    private static Map<String, Map<Integer, List<String>>> workbookCells(String file, byte[] content) {
        Map<String, Map<Integer, List<String>>> sheets = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet s : wb) {
                Map<Integer, List<String>> rows = new LinkedHashMap<>();
                for (Row r : s) {
                    List<String> values = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                        Cell cell = r.getCell(c);
                        values.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                    rows.put(r.getRowNum() + 1, values);
                }
                sheets.put(s.getSheetName(), rows);
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw problem(file, null, file, null, "not a readable " + format(file) + " workbook: " + reason(e));
        }
        return sheets;
    }

    private static Map<Integer, List<String>> csvCells(String text) {
        Map<Integer, List<String>> rows = new LinkedHashMap<>();
        for (CsvTable.Record r : CsvTable.records(text)) {
            rows.put(r.line(), r.fields());
        }
        return rows;
    }

    /**
     * Drools reads only comma-separated CSV; Russian Excel saves with ';'. A file whose first line has
     * more ';' than ',' outside quotes is rewritten with commas (quoted where needed), a record a line.
     */
    public static String commaSeparated(String text) {
        if (CsvTable.delimiterOf(text) != ';') {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (CsvTable.Record r : CsvTable.records(text)) {
            List<String> cells = r.fields();
            for (int i = 0; i < cells.size(); i++) {
                String v = cells.get(i);
                out.append(i == 0 ? "" : ",");
                out.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String columnName(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    public static int columnIndex(String name) {
        int c = 0;
        for (int i = 0; i < name.length(); i++) {
            c = c * 26 + (name.charAt(i) - 'A' + 1);
        }
        return c - 1;
    }

    private static String quoteSheet(String sheet) {
        return sheet.matches("[\\p{L}0-9_]+") ? sheet : "'" + sheet.replace("'", "''") + "'";
    }
}
