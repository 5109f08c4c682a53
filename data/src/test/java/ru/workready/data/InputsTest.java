package ru.workready.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared checks: NUL, the date range, header rows. */
class InputsTest {
    @Test
    void datesOutsideNineteenHundredToTwentyOneHundredAreRefused() {
        for (String d : List.of("0000-01-01", "-0001-01-01", "2101-01-01", "+12345-01-01", "1899-12-31", "01.01.2101")) {
            LocalDate date = Inputs.parseDate(d);
            assertThat(date).as(d).isNotNull();
            assertThat(Inputs.inRange(date)).as(d).isFalse();
            assertThatThrownBy(() -> Inputs.requireDate("assessedOn", date)).isInstanceOfSatisfying(
                    InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> assertThat(p.column()).isEqualTo("assessedOn")));
        }
        assertThat(Inputs.inRange(Inputs.parseDate("1900-01-01"))).isTrue();
        assertThat(Inputs.inRange(Inputs.parseDate("31.12.2100"))).isTrue();
        assertThat(Inputs.parseDate("31.02.2026")).isNull();
        assertThat(Inputs.parseDate("2026-1-1")).isNull();
    }

    @Test
    void nulIsRefusedAndNeverEchoed() {
        assertThatThrownBy(() -> Inputs.requireCell(3, "comment", "a\0b")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.row()).isEqualTo(3);
                        assertThat(p.column()).isEqualTo("comment");
                        assertThat(p.value()).isEqualTo("a␀b");
                    });
                    assertThat(e.getMessage()).doesNotContain("\0");
                });
        assertThat(Inputs.requireText("name", "ok")).isEqualTo("ok");
    }

    @Test
    void malformedHeadersAreRefusedAndTrailingPaddingIsNot() {
        Inputs.checkHeader(List.of("a", "b", "", ""));
        Inputs.checkHeader(Arrays.asList("a", null, "b"));
        for (List<String> bad : List.of(List.of(""), List.<String>of(), List.of("a", "a"), List.of("a", "", "b"),
                List.of("a\0"))) {
            assertThatThrownBy(() -> Inputs.checkHeader(bad)).as(bad.toString())
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.type().slug()).isEqualTo("invalid-header");
                        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.row()).isEqualTo(1));
                    });
        }
    }
}
