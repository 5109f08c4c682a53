package ru.workready.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A conflict is its own exception ({@code ConflictException}, answered 409), never a 400 whose type merely ends in
 * "-conflict": the status follows the exception's class, so main code may not raise a conflict any other way.
 */
class ConflictsAreTypedTest {
    private static final Pattern UNTYPED = Pattern.compile("new InvalidInputException\\(\\s*(\"[a-z-]*-conflict\"|[A-Za-z.]*CONFLICT\\b)");

    @Test
    void noConflictIsRaisedAsPlainInvalidInput() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("../api", "../data", "../engine")) {
            Path root = Path.of(module, "src", "main", "java");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (UNTYPED.matcher(Files.readString(f)).find()) {
                        found.add(root.relativize(f).toString());
                    }
                }
            }
        }
        assertThat(found).as("use ConflictException for a 409").isEmpty();
    }
}
