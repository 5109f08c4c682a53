package ru.workready.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The problem kinds: each slug once, a 4xx/5xx status, documented with that status in docs/problems.md; and an
 * exception of one status cannot carry a kind of another (a 400 kind raised as a conflict fails fast).
 */
class ProblemTypeTest {
    private static final Path DOC = Path.of("..", "docs", "problems.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (\\d{3}) \\| (.+) \\|$",
            Pattern.MULTILINE);

    @Test
    void slugsAreUniqueAndShapedForAUri() {
        Set<String> seen = new HashSet<>();
        for (ProblemType t : ProblemType.values()) {
            assertThat(seen.add(t.slug())).as("slug %s of %s used twice", t.slug(), t).isTrue();
            assertThat(t.slug()).as(t.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(t.name()).as("the constant names its slug").isEqualTo(t.slug().toUpperCase().replace('-', '_'));
        }
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void statusIsAnErrorAndTitleIsSet(ProblemType t) {
        assertThat(t.status()).as(t.slug()).isBetween(400, 599);
        assertThat(t.title()).as(t.slug()).isNotBlank();
    }

    @Test
    void everyKindIsDocumentedWithItsStatusAndNothingElseIs() throws IOException {
        Map<String, Integer> documented = documented();
        Map<String, Integer> kinds = Arrays.stream(ProblemType.values())
                .collect(Collectors.toMap(ProblemType::slug, ProblemType::status));
        assertThat(documented).as("the table of " + DOC + " and ProblemType").isEqualTo(kinds);
    }

    private static Map<String, Integer> documented() throws IOException {
        Matcher m = ROW.matcher(Files.readString(DOC));
        Map<String, Integer> rows = new java.util.LinkedHashMap<>();
        while (m.find()) {
            assertThat(rows.put(m.group(1), Integer.parseInt(m.group(2)))).as("%s listed twice", m.group(1)).isNull();
        }
        return rows;
    }

    @Test
    void anExceptionTakesOnlyKindsOfItsStatus() {
        for (ProblemType t : ProblemType.values()) {
            List<Runnable> constructors = List.of(
                    () -> new InvalidInputException(t, "m"),
                    () -> new ConflictException(t, "m"),
                    () -> new NotFoundException(t, "m"));
            List<Integer> statuses = List.of(400, 409, 404);
            for (int i = 0; i < statuses.size(); i++) {
                Runnable construct = constructors.get(i);
                if (t.status() == statuses.get(i)) {
                    construct.run();
                } else {
                    assertThatThrownBy(construct::run).as("%s as a %d", t.slug(), statuses.get(i))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(t.slug());
                }
            }
        }
        assertThat(new ConflictException(ProblemType.COLLEGE_CONFLICT, "m").type().status()).isEqualTo(409);
        assertThat(new NotFoundException("m").type()).isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void springsOwnRefusalsAreFoundByStatus() {
        assertThat(ProblemType.ofHttpStatus(405)).contains(ProblemType.HTTP_405);
        assertThat(ProblemType.ofHttpStatus(418)).isEmpty();
    }
}
