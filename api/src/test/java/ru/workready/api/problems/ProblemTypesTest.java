package ru.workready.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import ru.workready.data.ConflictException;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;

/**
 * Problem types come from {@link ProblemType} only: no main code spells a slug or the type URI itself, and the
 * handler answers each raised kind with the kind's status, title and URI.
 */
class ProblemTypesTest {
    private static final ProblemHandler HANDLER = new ProblemHandler(DataSize.ofMegabytes(1), DataSize.ofMegabytes(10));

    @Test
    void noMainCodeSpellsASlugOrTheTypeUri() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("../api", "../data", "../engine")) {
            Path root = Path.of(module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String name = f.getFileName().toString();
                    if (name.equals("ProblemType.java") || name.equals("ProblemTypes.java")) {
                        continue;
                    }
                    String text = Files.readString(f);
                    for (ProblemType t : ProblemType.values()) {
                        if (text.contains("\"" + t.slug() + "\"")) {
                            found.add(root.relativize(f) + ": \"" + t.slug() + "\"");
                        }
                    }
                    if (text.contains(ProblemTypes.BASE)) {
                        found.add(root.relativize(f) + ": " + ProblemTypes.BASE);
                    }
                }
            }
        }
        assertThat(found).as("use ProblemType").isEmpty();
    }

    @Test
    void everyRaisedKindIsAnsweredWithItsStatusTitleAndUri() {
        for (ProblemType t : ProblemType.values()) {
            ProblemDetail p = switch (t.status()) {
                case 400 -> HANDLER.invalidInput(new InvalidInputException(t, "detail"));
                case 409 -> HANDLER.invalidInput(new ConflictException(t, "detail"));
                case 404 -> HANDLER.notFound(new NotFoundException(t, "detail"));
                default -> ProblemTypes.problem(t, "detail");
            };
            assertThat(p.getStatus()).as(t.slug()).isEqualTo(t.status());
            assertThat(p.getTitle()).as(t.slug()).isEqualTo(t.title());
            assertThat(p.getType()).as(t.slug()).isEqualTo(URI.create("https://workready.ru/problems/" + t.slug()));
            assertThat(p.getDetail()).isEqualTo("detail");
        }
    }
}
