package ru.workready.api.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.Texts;

/** The Russian catalogue: every reason the shipped rule sets write, whatever its numbers, and the language choice. */
class RussianTest {

    static LongStream seeds() {
        return LongStream.range(0, 20).map(i -> 20261205L + i);
    }

    /** The reasons exactly as levels.drl, evidence.drl and region.drl (and the decision table) write them. */
    static List<String> shippedReasons(Random random) {
        double readiness = random.nextDouble();
        double coverage = random.nextDouble();
        return List.of(
                "Readiness " + Texts.decimal2(readiness) + " is at least 0.75 with " + Texts.percent(coverage) + " coverage.",
                "Readiness " + Texts.decimal2(readiness)
                        + " would be READY, but a critical outcome has mastery below 0.5 or no evidence.",
                "Readiness " + Texts.decimal2(readiness) + " is between 0.5 and 0.75.",
                "Readiness " + Texts.decimal2(readiness) + " is below 0.5 with " + Texts.percent(coverage) + " coverage.",
                "Only " + Texts.percent(coverage) + " of the mapped outcomes (by weight) have evidence; 60% is needed.",
                "No programme outcome is mapped to this function.",
                "Qualification level " + (3 + random.nextInt(5)) + " is above the programme level " + (2 + random.nextInt(4)) + ".",
                "Passed an independent qualification assessment covering 06.001/A.",
                "Assessed " + Texts.decimal1(5 + random.nextDouble() * 10) + " years ago; results older than "
                        + Texts.number(1 + random.nextInt(9)) + " years do not count.",
                "Championship results weigh " + Texts.number(1 + random.nextInt(9)) + " in this region.",
                "Demonstration exam results are valid for " + Texts.number(1 + random.nextInt(9)) + " years in this region.");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyShippedReasonHasARussianText(long seed) {
        System.out.println("seed " + seed);
        for (String english : shippedReasons(new Random(seed))) {
            String russian = Russian.text(english);
            // codes (06.001/A, READY) may stay Latin; words may not
            assertThat(russian.replaceAll("\\b[A-Z]\\b|READY", "")).as(english).doesNotContainPattern("[A-Za-z]{2,}");
            // numbers take the decimal comma; a standard's code (06.001) keeps its dot
            assertThat(russian.replaceAll("\\d{2}\\.\\d{3}", "")).as(english).doesNotContainPattern("\\d\\.\\d");
        }
    }

    @Test
    void numbersTakeTheDecimalComma() {
        assertThat(Russian.text("Readiness 0.60 is between 0.5 and 0.75.")).isEqualTo("Готовность 0,60 — от 0,5 до 0,75.");
        assertThat(Russian.text("unknown outcome code in the student's programme 09.02.07"))
                .isEqualTo("неизвестный код результата освоения в программе студента 09.02.07");
    }

    @Test
    void theSpecificsAfterTheRulesSentenceAreTranslatedToo() {
        assertThat(Russian.text("Readiness 0.83 would be READY, but a critical outcome has mastery below 0.5 or no"
                + " evidence. Critical outcomes: ПК 2.5: mastery 0.48 < 0.5; ПК 2.6: no evidence."))
                .isEqualTo("Готовность 0,83 дала бы уровень «готов», но у критичного результата освоения освоение ниже"
                        + " 0,5 или нет оценок. Критичные результаты освоения: ПК 2.5: освоение 0,48 < 0,5;"
                        + " ПК 2.6: нет оценок.");
        assertThat(Russian.text("Only 33% of the mapped outcomes (by weight) have evidence; 60% is needed."
                + " Missing 67% of the weight: no evidence for ПК 1.1, ПК 1.2, ПК 1.3, ПК 1.4, ПК 1.5 and 2 more."))
                .isEqualTo("Оценки есть только у 33 % сопоставленных результатов освоения (по весу); нужно 60 %."
                        + " Не хватает 67 % веса: нет оценок по ПК 1.1, ПК 1.2, ПК 1.3, ПК 1.4, ПК 1.5 и ещё 2.");
        assertThat(Russian.text("Passed an independent qualification assessment covering 06.001/C."
                + " Certificate: result 9 of 2025-03-15, assessor ЦОК. Иванов."))
                .isEqualTo("Пройдена независимая оценка квалификации по 06.001 ОТФ C."
                        + " Свидетельство о квалификации: результат 9 от 15.03.2025, оценивал ЦОК. Иванов.");
        // a region's own sentence keeps its authors' words; the engine's specifics after it are translated
        assertThat(Russian.text("Our region's own reason. Critical outcomes: ПК 2.5: mastery 0.10 < 0.6."))
                .isEqualTo("Our region's own reason. Критичные результаты освоения: ПК 2.5: освоение 0,10 < 0,6.");
    }

    @Test
    void aRuleSetsOwnRussianWinsAndItsSpecificsAreTranslated() {
        FunctionScore f = new FunctionScore("06.001", "A", "A/01.3", "ТФ", 3, 0.2, 0.5,
                ReadinessLevel.INSUFFICIENT_EVIDENCE, List.of("Too little"),
                "Too little evidence. Missing 50% of the weight: no evidence for ПК 1.2.", List.of(), "Too little",
                "Слишком мало оценок. Missing 50% of the weight: no evidence for ПК 1.2.");
        assertThat(Russian.reason(f)).isEqualTo("Слишком мало оценок. Не хватает 50 % веса: нет оценок по ПК 1.2.");
        FunctionScore english = new FunctionScore("06.001", "A", "A/01.3", "ТФ", 3, 0.6, 1.0,
                ReadinessLevel.PARTIALLY_READY, List.of("Partially ready"), "Readiness 0.60 is between 0.5 and 0.75.",
                List.of(), "Partially ready");
        assertThat(Russian.reason(english)).isEqualTo("Готовность 0,60 — от 0,5 до 0,75.");
    }

    @Test
    void unknownTextsStayAsTheyAre() {
        assertThat(Russian.text("Our region's own reason.")).isEqualTo("Our region's own reason.");
        assertThat(Russian.text((String) null)).isNull();
    }

    @Test
    void russianOnlyWhenPreferredToEnglish() {
        assertThat(Russian.wanted(request(null))).isFalse();
        assertThat(Russian.wanted(request("ru"))).isTrue();
        assertThat(Russian.wanted(request("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7"))).isTrue();
        assertThat(Russian.wanted(request("en-US,en;q=0.9,ru;q=0.8"))).isFalse();
        assertThat(Russian.wanted(request("de"))).isFalse();
        assertThat(Russian.wanted(request(";;;not a header"))).isFalse();
    }

    private static MockHttpServletRequest request(String acceptLanguage) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            r.addHeader("Accept-Language", acceptLanguage);
        }
        return r;
    }
}
