package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\")", "=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1", "\r=1", "＝1+1"})
    void formulaCellsBecomeText(String cell) {
        assertThat(CsvCells.neutralize(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "+7.5", "0,75", "ПК 1.1", "DEMO-001", "a=b", ""})
    void ordinaryCellsStayAsTheyAre(String cell) {
        assertThat(CsvCells.neutralize(cell)).isEqualTo(cell);
    }

    @Test
    void linesQuoteDelimitersQuotesAndBreaks() {
        assertThat(CsvCells.line(';', "a;b", "say \"hi\"", null, "=1", "x\ny"))
                .isEqualTo("\"a;b\";\"say \"\"hi\"\"\";;'=1;\"x\ny\"");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).map(i -> 9_000 + i).boxed();
    }

    /** Whatever the cell, the neutralized one never starts a formula unless it is a plain number. */
    @ParameterizedTest
    @MethodSource("seeds")
    void neutralizedCellsNeverStartAFormula(long seed) {
        Random random = new Random(seed);
        String alphabet = "=+-@\t\r0123456789.,abcАБВ \"'";
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String out = CsvCells.neutralize(s.toString());
        boolean number = out.matches("[+-]?\\d+([.,]\\d+)?");
        assertThat(out.isEmpty() || number || "=+-@\t\r".indexOf(out.charAt(0)) < 0)
                .as("seed %d: %s → %s", seed, s, out).isTrue();
    }

    @org.junit.jupiter.api.Test
    void restoreUndoesNeutralizeOnly() {
        for (String v : new String[] {"=1+2", "-abc", "+x", "@sum", "\tx", "plain", "'quoted", "-5", "'", "''=x"}) {
            org.assertj.core.api.Assertions.assertThat(CsvCells.restore(CsvCells.neutralize(v))).as(v).isEqualTo(v);
        }
        org.assertj.core.api.Assertions.assertThat(CsvCells.restore("'text")).isEqualTo("'text");
        org.assertj.core.api.Assertions.assertThat(CsvCells.restore(null)).isNull();
    }
}
