package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One formula guard in the codebase: {@link CsvCells}. Any other main source that tests a cell's
 * first character against the formula characters (= + - @) is a copy that will drift.
 */
class OneFormulaGuardTest {
    /** '=' compared with a char, or a string of several formula characters used as a set. */
    private static final Pattern GUARD = Pattern.compile("==\\s*'[=+@＝＋＠]'|\"[=+\\-@]{3,}");

    @Test
    void onlyCsvCellsGuardsAgainstFormulas() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root, 12)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .toList();
        }
        assertThat(sources).as("main sources found under %s", root).isNotEmpty();
        List<String> copies = sources.stream().filter(p -> !p.getFileName().toString().equals("CsvCells.java"))
                .filter(p -> {
                    try {
                        return GUARD.matcher(Files.readString(p)).find();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).map(p -> root.relativize(p).toString()).toList();
        assertThat(copies).as("formula guards outside CsvCells").isEmpty();
    }
}
