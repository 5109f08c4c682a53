package ru.workready.data.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.csv.CsvReader;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

class ProgrammeFormatTest {
    static final Programme SAMPLE = new Programme("09.02.07", "Информационные системы и программирование",
            "Программист; Разработчик веб и мультимедийных приложений", 5, 2025,
            List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка модулей программного обеспечения")),
            List.of(new Outcome("ОК 01", OutcomeKind.GENERAL, "Выбирать способы решения задач", null, null),
                    new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Формировать алгоритмы; \"разработки\"", "ВД 1", null),
                    new Outcome("ПК 1.1 ПО1", OutcomeKind.EXPERIENCE, "Разработка кода", "ВД 1", "ПК 1.1"),
                    new Outcome("ПК 1.1 У1", OutcomeKind.SKILL, "Разрабатывать\nалгоритмы", "ВД 1", "ПК 1.1"),
                    new Outcome("ПК 1.1 З1", OutcomeKind.KNOWLEDGE, "Основные этапы", "ВД 1", "ПК 1.1")));

    @Test
    void jsonAndCsvReadBackWhatWasWritten() {
        assertThat(ProgrammeFormat.readJson(ProgrammeFormat.writeJson(SAMPLE))).isEqualTo(SAMPLE);
        String csv = ProgrammeFormat.writeCsv(SAMPLE);
        assertThat(ProgrammeFormat.readCsv(csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(SAMPLE);
        assertThat(ProgrammeFormat.readCsv(csv.substring(1).getBytes(CsvReader.WINDOWS_1251)))
                .as("as Russian Excel saves it").isEqualTo(SAMPLE);
    }

    @Test
    void theExportNamesItsSchema() {
        assertThat(new String(ProgrammeFormat.writeJson(SAMPLE), StandardCharsets.UTF_8))
                .contains("\"$schema\" : \"" + ProgrammeFormat.SCHEMA_ID + "\"");
        assertThat(ProgrammeFormat.class.getResourceAsStream(ProgrammeFormat.SCHEMA_RESOURCE)).isNotNull();
    }

    @Test
    void csvAcceptsRussianKindsAndCommas() {
        String csv = """
                kind,code,name,activity_code,module_code,parent_code,qualification,qualification_level,intake_year
                ПРОГРАММА,09.02.07,ИСиП,,,,Программист,5,2026
                ВД,ВД 1,Разработка,,ПМ.01,,,,
                ПК,пк 1.1,Алгоритмы,ВД 1,,,,,
                У,ПК 1.1 У1,Разрабатывать,ВД 1,,ПК 1.1,,,
                ок,ОК 1,Решать задачи,,,,,,
                """;
        Programme p = ProgrammeFormat.readCsv(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(p.outcomes()).extracting(Outcome::code).containsExactly("ПК 1.1", "ПК 1.1 У1", "ОК 01");
        assertThat(p.outcomes().get(1).parentCode()).isEqualTo("ПК 1.1");
        assertThat(p.intakeYear()).isEqualTo(2026);
    }

    @Test
    void everyJsonProblemIsListedWithItsPointer() {
        String json = """
                {"fgosCode": "9.2.7", "name": "", "qualification": "Программист", "qualificationLevel": 12,
                 "intakeYear": "next", "extra": 1,
                 "activities": [{"code": "ВД 1", "name": "Разработка"}, {"code": "ВД 1", "name": "Снова"}],
                 "outcomes": [
                   {"code": "ПК 1.1", "kind": "PROFESSIONAL", "name": "Алгоритмы", "activityCode": "ВД 9"},
                   {"code": "ПК 1.1", "kind": "PROFESSIONAL", "name": "Дубликат"},
                   {"code": "ПК 1.2", "kind": "COMPETENCE", "name": "Неизвестный вид"},
                   {"code": "ОК 01", "kind": "GENERAL", "name": "Решать задачи"},
                   {"code": "ПК 1.1 У1", "kind": "SKILL", "name": "Умение", "parentCode": "ПК 7.7"},
                   {"code": "ПК 1.1 З1", "kind": "KNOWLEDGE", "name": "Знание", "parentCode": "ОК 01"},
                   {"kind": "SKILL", "name": "Без кода"}]}
                """;
        assertThatThrownBy(() -> ProgrammeFormat.readJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.type().slug()).isEqualTo("invalid-programme");
                    // structure from the served schema (by keyword), the rest from the importer, one per place
                    assertThat(e.problems()).extracting(Problem::column, p -> p.reason().split(":")[0]).contains(
                            org.assertj.core.groups.Tuple.tuple("/fgosCode", "pattern"),
                            org.assertj.core.groups.Tuple.tuple("/name", "minLength"),
                            org.assertj.core.groups.Tuple.tuple("/qualificationLevel", "maximum"),
                            org.assertj.core.groups.Tuple.tuple("/intakeYear", "type"),
                            org.assertj.core.groups.Tuple.tuple("/extra", "additionalProperties"),
                            org.assertj.core.groups.Tuple.tuple("/outcomes/6/code", "required"));
                    assertThat(e.problems()).extracting(Problem::column, Problem::reason).contains(
                            org.assertj.core.groups.Tuple.tuple("/activities/1/code", "duplicate kind of activity (ВД) code"),
                            org.assertj.core.groups.Tuple.tuple("/outcomes/0/activityCode",
                                    "unknown kind of activity (ВД): list it before its outcomes"),
                            org.assertj.core.groups.Tuple.tuple("/outcomes/1/code", "duplicate outcome code"),
                            org.assertj.core.groups.Tuple.tuple("/outcomes/4/parentCode", "unknown parent outcome"),
                            org.assertj.core.groups.Tuple.tuple("/outcomes/5/parentCode",
                                    "the parent must be a ПК (PROFESSIONAL)"));
                    assertThat(e.problems()).extracting(Problem::column).doesNotHaveDuplicates();
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.column()).isEqualTo("/outcomes/2/kind");
                        assertThat(p.value()).isEqualTo("COMPETENCE");
                    });
                    assertThat(e.problemCount()).isEqualTo(e.problems().size());
                });
    }

    @Test
    void malformedJsonAndCsvWithoutHeaderRowAreRefused() {
        assertThatThrownBy(() -> ProgrammeFormat.readJson("{\"fgosCode\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).startsWith("The programme file is not valid JSON"));
        assertThatThrownBy(() -> ProgrammeFormat.readJson("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ProgrammeFormat.readCsv("kind;code;name\nPROFESSIONAL;ПК 1.1;Алгоритмы\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::reason).anySatisfy(r -> assertThat(r).startsWith("a PROGRAMME row")));
        assertThatThrownBy(() -> ProgrammeFormat.readCsv("code;name\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::column).containsExactly("kind"));
    }

    @Test
    void csvProblemsNameRowAndColumn() {
        String csv = """
                kind;code;name;activity_code;module_code;parent_code;qualification;qualification_level;intake_year
                PROGRAMME;09.02.07;ИСиП;;;;Программист;5;2026
                PROFESSIONAL;ПК 1.1;;ВД 2;;;;;
                """;
        assertThatThrownBy(() -> ProgrammeFormat.readCsv(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::row, Problem::column).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(3, "name"),
                                org.assertj.core.groups.Tuple.tuple(3, "activity_code")));
    }
}
