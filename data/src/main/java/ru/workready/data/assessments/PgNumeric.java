package ru.workready.data.assessments;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * PostgreSQL's binary {@code numeric}: ndigits, weight, sign, dscale, then the base-10000 digits, most significant
 * first, the first one standing for 10000^weight (leading and trailing zero digits left out).
 */
final class PgNumeric {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final long[] POW10 = {1, 10, 100, 1000};

    private PgNumeric() {
    }

    /** The field's content as 16-bit words: ndigits, weight, sign, dscale and the digits. */
    static short[] words(BigDecimal value) {
        int scale = Math.max(value.scale(), 0);
        if (scale > 0x3FFF) {
            throw new IllegalArgumentException("numeric scale out of range: " + scale);
        }
        int pad = (4 - scale % 4) % 4;
        int fractionGroups = (scale + pad) / 4;
        // |value| * 10^(scale + pad): an integer whose base-10000 digits, from the last, are the
        // fraction's groups and then the integer part's
        BigInteger magnitude = value.setScale(scale).unscaledValue().abs();
        short[] groups = magnitude.bitLength() < 50 ? groups(magnitude.longValue() * POW10[pad])
                : groups(magnitude.multiply(BigInteger.valueOf(POW10[pad])));
        int count = groups.length;
        // groups least significant first, no leading zero digits; drop trailing zero ones
        int low = 0;
        while (low < count && groups[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        short[] words = new short[4 + ndigits];
        words[0] = (short) ndigits;
        words[1] = (short) (ndigits == 0 ? 0 : count - fractionGroups - 1);
        words[2] = (short) (value.signum() < 0 && ndigits > 0 ? 0x4000 : 0);
        words[3] = (short) scale;
        for (int i = count - 1, w = 4; i >= low; i--, w++) {
            words[w] = groups[i];
        }
        return words;
    }

    /** Base-10000 digits of a small magnitude, least significant first. */
    private static short[] groups(long v) {
        short[] groups = new short[6];
        int count = 0;
        while (v != 0) {
            groups[count++] = (short) (v % 10_000);
            v /= 10_000;
        }
        return java.util.Arrays.copyOf(groups, count);
    }

    private static short[] groups(BigInteger v) {
        short[] groups = new short[v.bitLength() / 13 + 2];
        int count = 0;
        while (v.signum() != 0) {
            BigInteger[] qr = v.divideAndRemainder(TEN_THOUSAND);
            groups[count++] = qr[1].shortValue();
            v = qr[0];
        }
        return java.util.Arrays.copyOf(groups, count);
    }
}
