package ru.workready.data.trainingorder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;
import ru.workready.data.assessments.UploadSpool;
import ru.workready.data.csv.CsvCells;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.CsvTable;
import ru.workready.data.csv.TabularFormat;
import ru.workready.data.csv.TabularReader;

/**
 * One small regional file (forecast, ТОП-Регион list, intake capacities) read whole, CSV (UTF-8 or Windows-1251,
 * ';' or ',') or XLSX (first sheet), through the project's one reader; every bad cell is collected as a problem with its
 * row and column, and {@link #refuseIfAny} rejects the file with all of them, so nothing partial is stored.
 */
final class SheetUpload {
    static final int MAX_LISTED_PROBLEMS = 100;
    static final int MAX_ROWS = 100_000;
    private static final Pattern FGOS = Pattern.compile("[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}");

    private final ProblemType problemType;
    final List<CsvReader.Row> rows = new ArrayList<>();
    final List<String> header = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    private SheetUpload(ProblemType problemType) {
        this.problemType = problemType;
    }

    /** Reads the file; a missing column or an empty file is refused at once (nothing else can be checked). */
    static SheetUpload read(byte[] content, @Nullable String contentType, ProblemType problemType,
                            List<String> required) {
        SheetUpload upload = new SheetUpload(problemType);
        try (UploadSpool spool = UploadSpool.of(content)) {
            TabularFormat format = TabularFormat.detect(contentType, spool.head());
            if (format == TabularFormat.JSON) {
                throw new InvalidInputException(problemType, "Send a CSV or XLSX file",
                        List.of(Problem.ofFile("expected CSV or XLSX")), 1);
            }
            Consumer<List<String>> onHeader = upload.headerCheck(required);
            Consumer<CsvReader.Row> sink = upload::add;
            if (format == TabularFormat.CSV) {
                // a small file: the one CSV tokenizer (the byte parser is for bulk uploads)
                CsvTable.read(CsvReader.decode(content), onHeader, sink);
            } else {
                TabularReader.read(format, spool.file(), StandardCharsets.UTF_8, onHeader, sink);
            }
        }
        if (upload.rows.isEmpty()) {
            throw new InvalidInputException(problemType, "The file has no rows",
                    List.of(Problem.ofFile("the file has no rows")), 1);
        }
        return upload;
    }

    /** Keeps the header, refusing it at once when a required column is missing. */
    private Consumer<List<String>> headerCheck(List<String> required) {
        return names -> {
            header.addAll(names);
            List<Problem> missing = required.stream().filter(c -> !names.contains(c))
                    .map(c -> new Problem(1, c, null, "missing column")).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(problemType, "The file lacks required columns (expected "
                        + String.join(", ", required) + ")", missing, missing.size());
            }
        };
    }

    private void add(CsvReader.Row row) {
        if (rows.size() >= MAX_ROWS) {
            throw new InvalidInputException(problemType, "More than " + MAX_ROWS + " rows",
                    List.of(new Problem(row.number(), null, null, "too many rows")), 1);
        }
        rows.add(row);
    }

    /** Refuses a file that has none of the columns (a row needs one of them), naming the first. */
    void requireOneOf(String... columns) {
        for (String c : columns) {
            if (header.contains(c)) {
                return;
            }
        }
        throw new InvalidInputException(problemType, "The file lacks required columns (expected one of "
                + String.join(", ", columns) + ")", List.of(new Problem(1, columns[0], null, "missing column")), 1);
    }

    /** The cell's text (an exported cell's formula guard undone), or null with a "required" problem. */
    @Nullable String text(CsvReader.Row row, String column) {
        String v = CsvCells.restore(row.get(column));
        if (v == null) {
            problems.add(new Problem(row.number(), column, null, "required"));
        }
        return v;
    }

    /** A whole number at least {@code min}, or null with a problem. */
    @Nullable Integer number(CsvReader.Row row, String column, int min, int max) {
        String v = row.get(column);
        if (v == null) {
            problems.add(new Problem(row.number(), column, null, "required"));
            return null;
        }
        try {
            int n = Integer.parseInt(v.replace(" ", "").replace("\u00a0", ""));
            if (n < min || n > max) {
                problems.add(new Problem(row.number(), column, v, "expected a whole number " + min + "–" + max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new Problem(row.number(), column, Inputs.shown(v), "expected a whole number"));
            return null;
        }
    }

    @Nullable Integer year(CsvReader.Row row, String column) {
        return number(row, column, 2000, 2100);
    }

    /** A ФГОС СПО code such as 09.02.07, or null with a problem. */
    @Nullable String fgos(CsvReader.Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            problems.add(new Problem(row.number(), column, null, "required"));
            return null;
        }
        if (!FGOS.matcher(v).matches()) {
            problems.add(new Problem(row.number(), column, Inputs.shown(v), "expected a ФГОС code such as 09.02.07"));
            return null;
        }
        return v;
    }

    void problem(CsvReader.Row row, @Nullable String column, @Nullable String value, String reason) {
        problems.add(new Problem(row.number(), column, Inputs.shown(value), reason));
    }

    /** Rejects the whole file, every problem listed in row order (the first {@value #MAX_LISTED_PROBLEMS}). */
    void refuseIfAny(String what) {
        if (problems.isEmpty()) {
            return;
        }
        problems.sort(Comparator.comparing(Problem::row, Comparator.nullsFirst(Comparator.naturalOrder())));
        throw new InvalidInputException(problemType, "The " + what + " has " + problems.size()
                + " problem(s); nothing was stored", problems.subList(0, Math.min(problems.size(),
                MAX_LISTED_PROBLEMS)), problems.size());
    }
}
