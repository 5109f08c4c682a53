package ru.workready.api.rulebase;

import ru.workready.data.rulesets.DecisionTables;
import ru.workready.data.rulesets.GeneratedRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.data.InvalidInputException;

/** Table → DRL without the application: cell references, CSV dialects, sheets and located problems. */
class DecisionTablesTest {

    @Test
    void columnNamesAreExcelsLetters() {
        assertThat(DecisionTables.columnName(0)).isEqualTo("A");
        assertThat(DecisionTables.columnName(25)).isEqualTo("Z");
        assertThat(DecisionTables.columnName(26)).isEqualTo("AA");
        assertThat(DecisionTables.columnName(701)).isEqualTo("ZZ");
        assertThat(DecisionTables.columnName(702)).isEqualTo("AAA");
    }

    static LongStream seeds() {
        return new Random(20261125L).longs(10);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void columnNamesRoundTrip(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            int c = r.nextInt(16384);
            assertThat(DecisionTables.columnIndex(DecisionTables.columnName(c))).as("seed %d, column %d", seed, c)
                    .isEqualTo(c);
        }
    }

    @Test
    void semicolonCsvIsRewrittenWithCommasAndQuotes() {
        assertThat(DecisionTables.commaSeparated("RuleSet;x\nA;\"b;c\";d,e;\"f\"\"g\"\n"))
                .isEqualTo("RuleSet,x\nA,b;c,\"d,e\",\"f\"\"g\"\n");
        String comma = "RuleSet,x\nImport,\"a, b; c\"\n";
        assertThat(DecisionTables.commaSeparated(comma)).isSameAs(comma);
    }

    @Test
    void theExampleGivesNamedRulesWithTheirRows() {
        var g = DecisionTables.toDrl("example.csv", DecisionTableFiles.resource("/rulesets/region-example-table.csv"));
        assertThat(g.format()).isEqualTo(DecisionTables.Format.CSV);
        assertThat(g.sheet()).isNull();
        assertThat(g.rules()).containsExactly(new GeneratedRule("Championship weighs more", 10, "A10"),
                new GeneratedRule("Demo exam expires", 11, "A11"));
    }

    @Test
    void aBomIsIgnored() {
        byte[] csv = DecisionTableFiles.resource("/rulesets/region-example-table.csv");
        byte[] withBom = new byte[csv.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(csv, 0, withBom, 3, csv.length);
        assertThat(DecisionTables.toDrl("bom.csv", withBom).rules()).hasSize(2);
    }

    @Test
    void theRulesSheetIsTheFirstWithARuleTable() {
        var g = DecisionTables.toDrl("p.xlsx", DecisionTableFiles.xlsx(DecisionTableFiles.exampleCells()));
        assertThat(g.sheet()).isEqualTo(DecisionTableFiles.SHEET);
        assertThat(g.where("B11")).isEqualTo("p.xlsx: Правила!B11");
        assertThat(g.rules()).extracting(GeneratedRule::name)
                .containsExactly("Championship weighs more", "Demo exam expires");
    }

    @Test
    void aWorkbookWithoutARuleTableIsAProblemOfTheFile() {
        List<List<String>> cells = List.of(List.of("just", "notes"));
        assertThatThrownBy(() -> DecisionTables.toDrl("p.xlsx", DecisionTableFiles.xlsx(cells)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.type().slug()).isEqualTo("invalid-rule-set");
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.column()).isEqualTo("p.xlsx");
                        assertThat(p.reason()).contains("RuleTable");
                    });
                });
    }

    @Test
    void aCompileErrorLineIsMappedToTheRowAndTheCellWhoseTextItHolds() {
        var g = DecisionTables.toDrl("example.csv", DecisionTableFiles.resource("/rulesets/region-example-table.csv"));
        String[] lines = g.drl().split("\n");
        int line = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("ageYears > 3")) {
                line = i + 1;
            }
        }
        var p = g.locate(line, "boom");
        assertThat(p.row()).isEqualTo(11);
        assertThat(p.column()).isEqualTo("example.csv: A11"); // "3" is too short to point at a cell
        assertThat(p.reason()).isEqualTo("rule \"Demo exam expires\": boom");
        var header = g.locate(2, "bad import");
        assertThat(header.row()).isEqualTo(2);
        assertThat(header.column()).isEqualTo("example.csv: B2");
        assertThat(header.reason()).startsWith("in the RuleSet/Import settings");
        var quoted = g.locate(null, "Unable to Analyse Expression kind == EvidenceKind.CHAMPIONSHIP");
        assertThat(quoted.row()).isEqualTo(10);
        assertThat(quoted.column()).isEqualTo("example.csv: B10");
        assertThat(new String(DecisionTableFiles.resource("/rulesets/region-example-table.csv"),
                StandardCharsets.UTF_8)).contains("CHAMPIONSHIP");
    }

    @Test
    void aWorkbookThatUnpacksToTooMuchIsRefusedBeforePoiOpensIt() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(200_000);
        assertThatThrownBy(() -> DecisionTables.toDrl("bomb.xlsx", bytes.toByteArray()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.column()).isEqualTo("bomb.xlsx: xl/worksheets/sheet1.xml");
                            assertThat(p.reason()).contains("declares more than 8 MB");
                        }));
        // the same part with headers that say 1000 bytes: counted while it inflates
        byte[] lying = ru.workready.data.testing.HostileWorkbooks.lie(bytes.toByteArray(), "xl/worksheets/sheet1.xml",
                1000);
        assertThatThrownBy(() -> DecisionTables.toDrl("bomb.xlsx", lying))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.column()).isEqualTo("bomb.xlsx: xl/worksheets/sheet1.xml");
                            assertThat(p.reason()).contains("inflates to more than 8 MB");
                        }));
    }

    @Test
    void aDecisionTableWithTooManySharedStringsOrElementsIsRefusedBeforePoiOpensIt() {
        byte[] table = ru.workready.data.testing.HostileWorkbooks.workbook(java.util.List.of(
                java.util.List.of("RuleTable x")));
        byte[] strings = ru.workready.data.testing.HostileWorkbooks.replace(table, "xl/sharedStrings.xml",
                ru.workready.data.testing.HostileWorkbooks.sharedStrings(60_000, false));
        assertThatThrownBy(() -> DecisionTables.toDrl("many.xlsx", strings))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.column()).isEqualTo("many.xlsx: xl/sharedStrings.xml");
                            assertThat(p.reason()).contains("more than 50000 strings");
                        }));
    }

    @Test
    void anErrorInTheSettingsRowsPointsAtTheImportCell() {
        var g = DecisionTables.toDrl("example.csv", DecisionTableFiles.resource("/rulesets/region-example-table.csv"));
        var p = g.locate(3, "Unable to resolve ObjectType 'Nope'");
        assertThat(p.row()).isEqualTo(2);
        assertThat(p.column()).isEqualTo("example.csv: B2");
        assertThat(p.value()).startsWith("ru.workready.engine.assessments.EvidenceKind");
    }

    @Test
    void anOldXlsWorkbookIsReadToo() throws Exception {
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Rules");
            List<List<String>> cells = DecisionTableFiles.exampleCells();
            for (int r = 0; r < cells.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.get(r).size(); c++) {
                    row.createCell(c).setCellValue(cells.get(r).get(c));
                }
            }
            wb.write(out);
            var g = DecisionTables.toDrl("p.xls", out.toByteArray());
            assertThat(g.format()).isEqualTo(DecisionTables.Format.XLS);
            assertThat(g.sheet()).isEqualTo("Rules");
            assertThat(g.rules()).extracting(GeneratedRule::name)
                    .containsExactly("Championship weighs more", "Demo exam expires");
        }
    }
}
