package ru.workready.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.DataTest;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardFiles;
import ru.workready.data.standards.StandardImportService;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/** Every validation of mapping files, each on its own and all together, plus versions and elements. */
class MappingImportServiceTest extends DataTest {
    private static final String HEADER = "outcome_code;function_code;element;type;weight;critical\n";
    private static long standardId;

    @Autowired
    MappingImportService importer;
    @Autowired
    MappingRepository mappings;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StandardImportService standards;
    @Autowired
    JdbcClient jdbc;

    long programmeId;

    @BeforeEach
    void fixtures() {
        if (standardId == 0) {
            standardId = standards.importXml(StandardFiles.utf8(StandardFiles.recoded("06.001-programmist.xml",
                    "99.301"))).get(0).id();
        }
        String college = "T4-" + UUID.randomUUID();
        long collegeId = programmes.insertCollege(college, "Тестовый колледж", "Тест");
        programmeId = programmes.insert(collegeId, new Programme("09.02.07", "ИСиП", "Программист", 5, 2025,
                List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Алгоритмы", "ВД 1"),
                        new Outcome("ПК 1.2", OutcomeKind.PROFESSIONAL, "Код", "ВД 1"),
                        new Outcome("ОК 01", OutcomeKind.GENERAL, "Задачи", null))));
    }

    @Test
    void aValidFileBecomesVersionOneWithAuthorAndElementMappings() {
        MappingImportService.MappingImported r = upload("""
                ПК 1.1;А/01.3;;EXACT;1;true
                ПК 1.2;A/02.3;LA1;PART_OF;0,6;
                ПК 1.2;A/02.3;rs2;PART_OF;0.4;нет
                ок 1;A/01.3;;RELATED;0.5;false
                """, "методист Иванова");

        assertThat(r.status()).isEqualTo(MappingImportService.Status.CREATED);
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.mappings()).isEqualTo(4);
        MappingRepository.MappingSetSummary set = mappings.set(r.mappingSetId()).orElseThrow();
        assertThat(set.author()).isEqualTo("методист Иванова");
        assertThat(set.createdAt()).isNotNull();
        assertThat(set.active()).isTrue();
        assertThat(mappings.rows(r.mappingSetId(), null, 0, 10).items())
                .extracting(MappingRepository.MappingRow::outcomeCode, MappingRepository.MappingRow::functionCode,
                        MappingRepository.MappingRow::elementKey, MappingRepository.MappingRow::critical)
                .containsExactly(tuple("ПК 1.1", "A/01.3", null, true), tuple("ПК 1.2", "A/02.3", "LA1", false),
                        tuple("ПК 1.2", "A/02.3", "RS2", false), tuple("ОК 01", "A/01.3", null, false));
    }

    @Test
    void theSameRowsAgainAreANoOpAndOtherRowsMakeTheNextVersion() {
        String rows = "ПК 1.1;A/01.3;;EXACT;1;true\n";
        long first = upload(rows, "a").mappingSetId();

        MappingImportService.MappingImported again = upload(rows.replace("A/01.3", "А/01.3"), "b");
        assertThat(again.status()).isEqualTo(MappingImportService.Status.UNCHANGED);
        assertThat(again.mappingSetId()).isEqualTo(first);

        MappingImportService.MappingImported second = upload(rows.replace(";1;", ";0.8;"), "b");
        assertThat(second.version()).isEqualTo(2);
        assertThat(mappings.set(first).orElseThrow().active()).isFalse();
        assertThat(mappings.sets(programmeId, standardId, 0, 10, false).items())
                .extracting(MappingRepository.MappingSetSummary::version, MappingRepository.MappingSetSummary::author,
                        MappingRepository.MappingSetSummary::active)
                .containsExactly(tuple(2, "b", true), tuple(1, "a", false));
    }

    @Test
    void exportReadsBackAsTheSameRows() {
        long id = upload("""
                ПК 1.1;A/01.3;;EXACT;1;true
                ПК 1.2;A/02.3;NK3;PART_OF;0.625;false
                """, "a").mappingSetId();

        String csv = importer.exportCsv(id);

        assertThat(csv).isEqualTo("\uFEFFoutcome_code;function_code;element;type;weight;critical\r\n"
                + "ПК 1.1;A/01.3;;EXACT;1;true\r\nПК 1.2;A/02.3;NK3;PART_OF;0.625;false\r\n");
        assertThat(importer.importFile(programmeId, standardId, "b", csv.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(MappingImportService.Status.UNCHANGED);
    }

    static Stream<Object[]> badRows() {
        return Stream.of(
                new Object[] {"ПК 9.9;A/01.3;;EXACT;1;", "outcome_code", "unknown outcome code in this programme"},
                new Object[] {";A/01.3;;EXACT;1;", "outcome_code", "required"},
                new Object[] {"ПК 1.1;Z/99.9;;EXACT;1;", "function_code",
                        "unknown labour function code in this standard edition"},
                new Object[] {"ПК 1.1;A/01.3;LA99;EXACT;1;", "element", "the labour function A/01.3 has no element LA99"},
                new Object[] {"ПК 1.1;A/01.3;X1;EXACT;1;", "element",
                        "must be LA<n> (labour action), RS<n> (required skill) or NK<n> (necessary knowledge)"},
                new Object[] {"ПК 1.1;A/01.3;;SAME;1;", "type", "must be EXACT, PART_OF or RELATED"},
                new Object[] {"ПК 1.1;A/01.3;;EXACT;0;", "weight", "must be a number in (0, 1]"},
                new Object[] {"ПК 1.1;A/01.3;;EXACT;1.5;", "weight", "must be a number in (0, 1]"},
                new Object[] {"ПК 1.1;A/01.3;;EXACT;-0.2;", "weight", "must be a number in (0, 1]"},
                new Object[] {"ПК 1.1;A/01.3;;EXACT;много;", "weight", "must be a number in (0, 1]"},
                new Object[] {"ПК 1.1;A/01.3;;EXACT;0.1234;", "weight", "at most 3 decimal places"},
                new Object[] {"ПК 1.1;A/01.3;;RELATED;0.6;", "weight", "a RELATED mapping weighs at most 0.5"},
                new Object[] {"ПК 1.1;A/01.3;;EXACT;1;может быть", "critical", "must be true or false (or empty)"});
    }

    @ParameterizedTest
    @MethodSource("badRows")
    void eachBadRowIsRefusedWithRowColumnAndReason(String row, String column, String reason) {
        assertProblems(HEADER + "ПК 1.2;A/02.3;;EXACT;1;\n" + row + "\n", tuple(3, column, reason));
    }

    @Test
    void duplicatesAreRefusedEvenWhenSpelledDifferently() {
        assertProblems(HEADER + """
                ПК 1.1;A/01.3;;EXACT;1;
                пк1.1;А/01.3;;PART_OF;0.5;
                ПК 1.2;A/02.3;LA1;EXACT;1;
                ПК 1.2;A/02.3;la1;EXACT;1;
                ПК 1.2;A/02.3;;EXACT;1;
                """,
                tuple(3, "function_code", "duplicate of row 2"),
                tuple(5, "element", "duplicate of row 4"),
                tuple(6, "function_code", "the outcome is mapped both to the whole function and to elements of it:"
                        + " its weight would count twice"));
    }

    @Test
    void everyBadRowOfAFileIsListedAndNothingIsStored() {
        long sets = jdbc.sql("select count(*) from mapping_set").query(Long.class).single();
        assertProblems(HEADER + """
                ПК 9.9;A/01.3;;EXACT;1;
                ПК 1.1;A/01.3;;RELATED;0.9;
                ПК 1.2;B/99.9;;EXACT;2;
                ПК 1.1;A/02.3;;EXACT;1;
                """,
                tuple(2, "outcome_code", "unknown outcome code in this programme"),
                tuple(3, "weight", "a RELATED mapping weighs at most 0.5"),
                tuple(4, "function_code", "unknown labour function code in this standard edition"),
                tuple(4, "weight", "must be a number in (0, 1]"));
        assertThat(jdbc.sql("select count(*) from mapping_set").query(Long.class).single()).isEqualTo(sets);
    }

    @Test
    void missingColumnsEmptyFilesAndMissingAuthorAreRefused() {
        assertThatThrownBy(() -> importer.importFile(programmeId, standardId, "a",
                "outcome_code;type\nПК 1.1;EXACT\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::column).containsExactly("function_code", "weight"));
        assertThatThrownBy(() -> importer.importFile(programmeId, standardId, "a",
                HEADER.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::reason).containsExactly("the mapping file has no rows"));
        assertThatThrownBy(() -> importer.importFile(programmeId, standardId, " ",
                (HEADER + "ПК 1.1;A/01.3;;EXACT;1;\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::column).containsExactly("author"));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    /** Property: a row is accepted exactly when its weight is in (0, 1] and a RELATED row weighs at most 0.5. */
    @ParameterizedTest
    @MethodSource("seeds")
    void weightRulesHoldForRandomRows(long seed) {
        Random random = new Random(seed);
        String[] types = {"EXACT", "PART_OF", "RELATED"};
        String[] functions = {"A/01.3", "A/02.3", "A/03.3", "A/04.3", "A/05.3", "B/01.4", "B/02.4", "B/03.4"};
        StringBuilder csv = new StringBuilder(HEADER);
        List<Integer> expectedBad = new ArrayList<>();
        for (int i = 0; i < functions.length; i++) {
            String type = types[random.nextInt(3)];
            int thousandths = random.nextInt(1601) - 300; // -0.300 … 1.300
            double w = thousandths / 1000.0;
            csv.append("ПК 1.1;").append(functions[i]).append(";;").append(type).append(';').append(w).append(";\n");
            if (!(w > 0 && w <= 1) || ("RELATED".equals(type) && w > 0.5)) {
                expectedBad.add(i + 2);
            }
        }
        String file = csv.toString();
        if (expectedBad.isEmpty()) {
            assertThat(importer.importFile(programmeId, standardId, "p", file.getBytes(StandardCharsets.UTF_8))
                    .mappings()).as("seed %d:%n%s", seed, file).isEqualTo(functions.length);
        } else {
            assertThatThrownBy(() -> importer.importFile(programmeId, standardId, "p",
                    file.getBytes(StandardCharsets.UTF_8)))
                    .as("seed %d:%n%s", seed, file)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .as("seed %d:%n%s", seed, file).extracting(Problem::row)
                            .containsExactlyElementsOf(expectedBad));
        }
    }

    private MappingImportService.MappingImported upload(String rows, String author) {
        return importer.importFile(programmeId, standardId, author, (HEADER + rows).getBytes(StandardCharsets.UTF_8));
    }

    private void assertProblems(String csv, org.assertj.core.groups.Tuple... expected) {
        assertThatThrownBy(() -> importer.importFile(programmeId, standardId, "a", csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.type().slug()).isEqualTo("invalid-mapping");
                    assertThat(e.problems()).extracting(Problem::row, Problem::column, Problem::reason)
                            .containsExactly(expected);
                    assertThat(e.getMessage()).endsWith("nothing was stored");
                });
    }
}
