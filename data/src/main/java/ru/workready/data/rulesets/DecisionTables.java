package ru.workready.data.rulesets;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;

/**
 * Decision tables (таблицы решений) — the spreadsheets a region's methodologists edit — turned into DRL
 * with Drools' {@link SpreadsheetCompiler}. The DRL is then compiled and tested like hand-written DRL.
 * Every problem is located by file, sheet and cell (e.g. {@code region.xlsx: Политика!C12}), because
 * the people who fix it look at the spreadsheet, not at the generated DRL. Reading the file is
 * {@link TableSource}'s; mapping compile errors back to cells is {@link GeneratedTable}'s.
 */
public final class DecisionTables {

    /** The formats Drools reads: Excel 2007+ and 97–2003 workbooks, and CSV. */
    public enum Format { XLSX, XLS, CSV }

    static final Pattern FILE = Pattern.compile("[A-Za-z0-9_.-]{1,80}\\.(xlsx|xls|csv)");
    /** The comment Drools writes before each generated rule: "// rule values at A11, header at A5". */
    static final Pattern RULE_VALUES = Pattern.compile("// rule values at ([A-Z]+)(\\d+), header at");
    private static final Pattern RULE = Pattern.compile("^rule \"(.*)\"\\s*$");
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
    public static GeneratedTable toDrl(String file, byte[] content) {
        Format format = format(file);
        TableSource source = TableSource.read(file, format, content);
        String drl = compile(file, format, source);
        GeneratedTable g = new GeneratedTable(file, format, source.sheet(), drl, rules(drl), source.cells());
        requireRuleRows(file, g);
        return g;
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
    private static void requireRuleRows(String file, GeneratedTable g) {
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

    /** The table cannot be read at all: one problem, nothing stored. */
    static InvalidInputException problem(String file, @Nullable Integer row, String where,
                                         @Nullable String value, String reason) {
        return new InvalidInputException(RuleSetService.PROBLEM, "The decision table " + file
                + " cannot be read; nothing was stored", List.of(new Problem(row, where, value, reason)), 1);
    }

    /** The messages of an exception and its causes, up to ~400 characters, each once. */
    static String reason(Throwable e) {
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
     * Drools reads only comma-separated CSV; Russian Excel saves with ';'. A file whose first line has
     * more ';' than ',' outside quotes is rewritten with commas (quoted where needed), a record a line.
     */
    public static String commaSeparated(String text) {
        return TableSource.commaSeparated(text);
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

    /** A sheet name as Excel writes it in a reference: quoted unless letters, digits and '_'. */
    static String quoteSheet(String sheet) {
        return sheet.matches("[\\p{L}0-9_]+") ? sheet : "'" + sheet.replace("'", "''") + "'";
    }
}
