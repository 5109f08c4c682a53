package ru.workready.api.language;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.scoring.EvidenceContribution;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.OutcomeContribution;

/**
 * The texts people read — level reasons of the shipped rule sets, reasons for excluded or reweighted results,
 * problem details and the reasons of their problems — in Russian for a request whose {@code Accept-Language}
 * prefers Russian to English. English stays the API's default (no header, or English preferred). A text this
 * catalogue does not know is answered as it is: a region's own rules keep the words their authors wrote.
 */
public final class Russian {
    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    /** The full stop that ends a sentence: an outcome code's dot (ПК 2.5) is followed by a digit, not a space. */
    private static final String END = "\\.(?=\\s|$)";
    private static final Pattern MASTERY = Pattern.compile(": mastery " + NUMBER + " < " + NUMBER);

    private record Entry(Pattern english, Function<Matcher, String> russian) {
    }

    private static final List<Entry> CATALOGUE = List.of(
            // level reasons (rule set default and everything built on its levels.drl)
            entry("Readiness " + NUMBER + " is at least 0\\.75 with " + NUMBER + "% coverage\\.",
                    m -> "Готовность " + n(m, 1) + " не ниже 0,75 при покрытии " + n(m, 2) + " %."),
            entry("Readiness " + NUMBER + " would be READY, but a critical outcome has mastery below 0\\.5 or no evidence\\.",
                    m -> "Готовность " + n(m, 1) + " дала бы уровень «готов», но у критичного результата освоения "
                            + "освоение ниже 0,5 или нет оценок."),
            entry("Readiness " + NUMBER + " is between 0\\.5 and 0\\.75\\.",
                    m -> "Готовность " + n(m, 1) + " — от 0,5 до 0,75."),
            entry("Readiness " + NUMBER + " is below 0\\.5 with " + NUMBER + "% coverage\\.",
                    m -> "Готовность " + n(m, 1) + " ниже 0,5 при покрытии " + n(m, 2) + " %."),
            entry("Only " + NUMBER + "% of the mapped outcomes \\(by weight\\) have evidence; 60% is needed\\.",
                    m -> "Оценки есть только у " + n(m, 1) + " % сопоставленных результатов освоения (по весу); "
                            + "нужно 60 %."),
            entry("No programme outcome is mapped to this function\\.",
                    m -> "Ни один результат освоения программы не сопоставлен с этой ТФ."),
            entry("Qualification level (\\d+) is above the programme level (\\d+)\\.",
                    m -> "Уровень квалификации " + m.group(1) + " выше уровня программы " + m.group(2) + "."),
            entry("Passed an independent qualification assessment covering (\\S+)/(\\S+)\\.",
                    m -> "Пройдена независимая оценка квалификации по " + m.group(1) + " ОТФ " + m.group(2) + "."),
            // the specifics the engine appends to a level's reason (ReasonSpecifics), after the rule's sentence
            entry("Certificate: result (\\d+) of (\\d{4})-(\\d{2})-(\\d{2})(?:, assessor (.+?))?" + END,
                    m -> "Свидетельство о квалификации: результат " + m.group(1) + " от " + m.group(4) + "."
                            + m.group(3) + "." + m.group(2) + (m.group(5) == null ? "" : ", оценивал " + m.group(5))
                            + "."),
            entry("Missing (\\d+)% of the weight: no evidence for (.+?)(?: and (\\d+) more)?" + END,
                    m -> "Не хватает " + m.group(1) + " % веса: нет оценок по " + m.group(2)
                            + (m.group(3) == null ? "" : " и ещё " + m.group(3)) + "."),
            entry("Critical outcomes: (.+?)" + END, m -> "Критичные результаты освоения: " + critical(m.group(1)) + "."),
            // evidence policy (default and region-example, DRL and decision table)
            entry("Assessed " + NUMBER + " years ago; results older than " + NUMBER + " years do not count\\.",
                    m -> "Оценено " + n(m, 1) + " г. назад; результаты старше " + n(m, 2) + " лет не учитываются."),
            entry("Championship results weigh " + NUMBER + " in this region\\.",
                    m -> "Результаты чемпионатов в этом регионе имеют вес " + n(m, 1) + "."),
            entry("Demonstration exam results are valid for " + NUMBER + " years in this region\\.",
                    m -> "Результаты демонстрационного экзамена в этом регионе действительны " + n(m, 1) + " г."),
            // problem details
            entry("The file has (\\d+) problem\\(s\\) in its rows; nothing was stored",
                    m -> "В строках файла ошибок: " + m.group(1) + "; ничего не сохранено"),
            entry("The file has no data rows", m -> "В файле нет строк с данными"),
            entry("The file lacks required columns \\(expected (.+)\\)(.*)",
                    m -> "В файле нет обязательных столбцов (ожидались " + m.group(1) + ")" + m.group(2)),
            entry("No student with id (.+)", m -> "Нет студента с номером " + m.group(1)),
            entry("No college with code (.+)", m -> "Нет колледжа с кодом " + m.group(1)),
            entry("The student's programme has no mapping to standard (.+)",
                    m -> "Программа студента не сопоставлена со стандартом " + m.group(1)),
            entry("Send an API key in the (\\S+) header", m -> "Передайте ключ API в заголовке " + m.group(1)),
            entry("The API key is not valid", m -> "Ключ API недействителен"),
            entry("The API key has been revoked", m -> "Ключ API отозван"),
            entry("The API key has expired", m -> "Срок действия ключа API истёк"),
            entry("Authentication required", m -> "Нужен ключ API"),
            entry("Forbidden", m -> "Доступ запрещён"),
            entry("A key with role (\\S+) may not call (.+)", m -> "Ключ с ролью " + m.group(1) + " не может вызывать "
                    + m.group(2)),
            entry("Invalid input", m -> "Неверные данные"),
            entry("Not found", m -> "Не найдено"),
            entry("Invalid parameter", m -> "Неверный параметр"),
            entry("Conflict", m -> "Конфликт"),
            entry("row (\\d+): assessed_on (\\S+) is in the future",
                    m -> "строка " + m.group(1) + ": дата оценивания " + m.group(2) + " — в будущем"),
            entry("The upload failed before it completed; nothing was stored",
                    m -> "Загрузка прервалась до завершения; ничего не сохранено"),
            entry("Interrupted before it completed; nothing was stored",
                    m -> "Прервано до завершения; ничего не сохранено"),
            // reasons of a file's problems
            entry("unknown student of college (.+)", m -> "неизвестный студент колледжа " + m.group(1)),
            entry("unknown outcome code in the student's programme (.+)",
                    m -> "неизвестный код результата освоения в программе студента " + m.group(1)),
            entry("expected a grade 2–5, points with max_points, or pass/fail",
                    m -> "ожидается оценка 2–5, баллы вместе с max_points или зачёт/незачёт"),
            entry("unknown evidence kind; expected one of (.+)", m -> "неизвестный вид оценки; ожидается один из "
                    + m.group(1)),
            entry("not a date \\(expected YYYY-MM-DD or DD\\.MM\\.YYYY\\)", m -> "не дата (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"),
            entry("not a whole number", m -> "не целое число"),
            entry("not a year", m -> "не год"),
            entry("missing column", m -> "нет столбца"),
            entry("required", m -> "обязательное поле"),
            entry("required \\(the ФГОС code, e\\.g\\. 09\\.02\\.07\\)", m -> "обязательное поле (код ФГОС, например 09.02.07)"),
            entry("required when employer_consent is yes", m -> "обязательно, если employer_consent — «да»"),
            entry("expected yes/no \\(да/нет, true/false\\)", m -> "ожидается да/нет (yes/no, true/false)"),
            entry("must be 1 or more", m -> "должно быть 1 или больше"),
            entry("must be greater than 0", m -> "должно быть больше 0"),
            entry("must be 1–5", m -> "должно быть от 1 до 5"),
            entry("must be READY or PARTIALLY_READY", m -> "должно быть READY (готов) или PARTIALLY_READY (частично)"),
            entry("only for a championship", m -> "только для чемпионата"),
            entry("only for an independent assessment \\(НОК\\)", m -> "только для независимой оценки квалификации (НОК)"),
            entry("an independent assessment is pass or fail", m -> "независимая оценка квалификации — сдал или не сдал"),
            entry("no data rows after the header", m -> "после заголовка нет строк с данными"),
            entry("not a readable XLSX workbook \\(not a zip file\\)", m -> "не читается как книга XLSX (не zip-архив)"));

    private Russian() {
    }

    private static Entry entry(String english, Function<Matcher, String> russian) {
        return new Entry(Pattern.compile(english), russian);
    }

    /** A number of the English text in Russian form: decimal comma. */
    private static String n(java.util.regex.MatchResult m, int group) {
        return m.group(group).replace('.', ',');
    }

    /** "ПК 2.5: mastery 0.48 < 0.5; ПК 2.6: no evidence" in Russian, the outcome codes as they are. */
    private static String critical(String english) {
        String masteries = MASTERY.matcher(english).replaceAll(m -> ": освоение " + n(m, 1) + " < " + n(m, 2));
        return masteries.replace(": no evidence", ": нет оценок");
    }

    /** True when the request's Accept-Language prefers Russian to English; never from the server's own locale. */
    public static boolean wanted(@Nullable HttpServletRequest request) {
        String header = request == null ? null : request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best != null && "ru".equals(best.getLanguage());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The Russian text of a known English one; anything else as it is. A level's reason is the rule's sentence
     * followed by the engine's specifics: known sentences one after another are translated one by one, and a rule's
     * own sentence this catalogue does not know keeps its words while the specifics after it are translated.
     */
    public static @Nullable String text(@Nullable String english) {
        if (english == null) {
            return null;
        }
        for (Entry e : CATALOGUE) {
            Matcher m = e.english().matcher(english);
            if (m.matches()) {
                return e.russian().apply(m);
            }
        }
        String sentences = sentences(english, 0);
        if (sentences != null) {
            return sentences;
        }
        for (int i = english.indexOf(". "); i >= 0; i = english.indexOf(". ", i + 1)) {
            String known = sentences(english, i + 2);
            if (known != null) {
                return english.substring(0, i + 1) + " " + known;
            }
        }
        return english;
    }

    /** Known sentences from {@code from} to the end, in Russian; null when any of them is unknown. */
    private static @Nullable String sentences(String text, int from) {
        for (Entry e : CATALOGUE) {
            Matcher m = e.english().matcher(text).region(from, text.length());
            if (m.matches()) {
                return e.russian().apply(m); // the last sentence, whatever full stops its values hold
            }
            if (!m.lookingAt() || m.end() == from) {
                continue;
            }
            if (m.end() == text.length()) {
                return e.russian().apply(m);
            }
            if (text.charAt(m.end()) == ' ') {
                String rest = sentences(text, m.end() + 1);
                if (rest != null) {
                    return e.russian().apply(m) + " " + rest;
                }
            }
        }
        return null;
    }

    /**
     * A level's reason in Russian: the rule set's own Russian sentence when its rule carries one (it wins over this
     * catalogue), else the catalogue's translation; the engine's specifics after either are translated here.
     */
    public static String reason(FunctionScore score) {
        String text = text(score.reasonRu() != null ? score.reasonRu() : score.reason());
        return text == null ? score.reason() : text;
    }

    /** The outcomes of an explanation with the reasons of their excluded or reweighted results in Russian. */
    public static List<OutcomeContribution> outcomes(List<OutcomeContribution> outcomes) {
        return outcomes.stream().map(o -> new OutcomeContribution(o.outcomeCode(), o.type(), o.mappingWeight(),
                o.critical(), o.mastery(), o.evidence().stream().map(e -> new EvidenceContribution(e.sequence(),
                        e.kind(), e.assessedOn(), e.attempt(), e.score(), e.weight(), e.superseded(), e.excluded(),
                        e.rule(), text(e.reasonRu() != null ? e.reasonRu() : e.reason()), e.contribution(),
                        e.reasonRu())).toList())).toList();
    }

    /** The text in the language the request prefers. */
    public static @Nullable String text(@Nullable HttpServletRequest request, @Nullable String english) {
        return wanted(request) ? text(english) : english;
    }
}
