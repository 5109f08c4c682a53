package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.workready.data.DataTest;

/**
 * The binary COPY writer against PostgreSQL itself: random values of every type the evidence
 * upload sends (numeric above all, whose base-10000 encoding is easy to get subtly wrong) go into
 * a temporary table in binary format and come back equal. Seeded; the seed is in every message.
 */
class BinaryCopyTest extends DataTest {
    private static final int ROWS = 5000;

    @Autowired
    DataSource dataSource;

    @Test
    void copyStatementsSayTheirFormat() {
        assertThat(CopyWriter.isBinary("copy t (a, b) from stdin (format binary)")).isTrue();
        assertThat(CopyWriter.isBinary("COPY t FROM STDIN ( FORMAT BINARY ) ")).isTrue();
        assertThat(CopyWriter.isBinary("copy t (a, b) from stdin")).isFalse();
        assertThat(CopyWriter.isBinary("copy binary_staging (a) from stdin")).isFalse();
    }

    @Test
    void randomValuesRoundTripThroughPostgresql() throws Exception {
        long seed = Long.getLong("binaryCopy.seed", System.nanoTime());
        Random random = new Random(seed);
        List<BigDecimal> numbers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            numbers.add(i < FIXED.length ? new BigDecimal(FIXED[i]) : randomDecimal(random));
            texts.add(random.nextInt(10) == 0 ? null : randomText(random));
            dates.add(random.nextInt(10) == 0 ? null
                    : LocalDate.ofEpochDay(random.nextInt(200 * 365) - 100 * 365));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("create temp table binary_copy (n integer, b bigint, s smallint, flag boolean, d date, "
                        + "num numeric, t text) on commit drop");
            }
            try (CopyWriter out = new CopyWriter(c, "copy binary_copy (n, b, s, flag, d, num, t) from stdin "
                    + "(format binary)")) {
                for (int i = 0; i < ROWS; i++) {
                    out.row(7).int4(i).int8(i % 7 == 0 ? null : (long) i * 1_000_000_007L - 5)
                            .int2(i % 5 == 0 ? null : i % 65536 - 32768).bool(i % 3 == 0 ? null : i % 2 == 0)
                            .date(dates.get(i)).numeric(numbers.get(i)).text(texts.get(i));
                    out.endRow();
                }
                assertThat(out.finish()).as("seed %d", seed).isEqualTo(ROWS);
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select n, b, s, flag, d, num, t from binary_copy order by n")) {
                int i = 0;
                while (rs.next()) {
                    assertThat(rs.getInt(1)).isEqualTo(i);
                    assertThat(rs.getObject(2)).as("bigint, row %d, seed %d", i, seed)
                            .isEqualTo(i % 7 == 0 ? null : (long) i * 1_000_000_007L - 5);
                    assertThat(rs.getObject(3) == null ? null : rs.getInt(3)).as("smallint, row %d, seed %d", i, seed)
                            .isEqualTo(i % 5 == 0 ? null : i % 65536 - 32768);
                    assertThat(rs.getObject(4)).as("boolean, row %d, seed %d", i, seed)
                            .isEqualTo(i % 3 == 0 ? null : i % 2 == 0);
                    assertThat(rs.getObject(5, LocalDate.class)).as("date, row %d, seed %d", i, seed)
                            .isEqualTo(dates.get(i));
                    BigDecimal sent = numbers.get(i);
                    BigDecimal back = rs.getBigDecimal(6);
                    assertThat(back.compareTo(sent)).as("numeric %s came back as %s (row %d, seed %d)", sent.toString(),
                            back.toString(), i, seed).isZero();
                    assertThat(back.scale()).as("numeric %s came back as %s: display scale (row %d, seed %d)",
                            sent.toString(), back.toString(), i, seed).isEqualTo(Math.max(sent.scale(), 0));
                    assertThat(rs.getString(7)).as("text, row %d, seed %d", i, seed).isEqualTo(texts.get(i));
                    i++;
                }
                assertThat(i).isEqualTo(ROWS);
            }
            c.rollback();
        }
    }

    /** Edge cases first: zeros with scale, group boundaries, negative scales, huge and tiny values. */
    private static final String[] FIXED = {"0", "0.00", "-0.000", "1", "-1", "9999", "10000", "10001", "0.0001",
            "0.00001", "-0.00009999", "12345.6789", "1.5", "100", "1E+5", "-1E+12", "1234567890123456789012345678901234567890",
            "0.000000000000000000000000000001", "99999999.99999999", "1125899906842623", "1125899906842624",
            "-1125899906842624.123", "3.14159265358979323846264338327950288", "1E-20", "5.0000", "20000.0002"};

    private static BigDecimal randomDecimal(Random random) {
        int digits = 1 + random.nextInt(random.nextBoolean() ? 8 : 45);
        BigInteger unscaled = new BigInteger(digits * 4, random);
        if (random.nextInt(20) == 0) {
            unscaled = BigInteger.ZERO;
        } else if (random.nextInt(4) == 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(random.nextInt(12))); // trailing zeros
        }
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        int scale = random.nextInt(8) == 0 ? -random.nextInt(20) : random.nextInt(random.nextBoolean() ? 5 : 40);
        return new BigDecimal(unscaled, scale);
    }

    private static String randomText(Random random) {
        String alphabet = "abcXYZ019 \t\n\r\\\"',.;свидетельствоОТФНОК€😀";
        int n = random.nextInt(30);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(alphabet.length());
            if (Character.isHighSurrogate(alphabet.charAt(p))) {
                s.append(alphabet, p, p + 2);
            } else if (Character.isLowSurrogate(alphabet.charAt(p))) {
                s.append(alphabet, p - 1, p + 1);
            } else {
                s.append(alphabet.charAt(p));
            }
        }
        return s.toString();
    }
}
