package ru.workready.engine.scoring;

/**
 * Number formatting for rule reasons. String.format costs more than a whole rule firing, and
 * a reason is written for every labour function of every student: these are plain arithmetic.
 */
public final class Texts {
    private Texts() {
    }

    /** 0.595 → "0.60" (two decimals, half up). */
    public static String decimal2(double v) {
        return fixed(v, 100, 2);
    }

    /** 2.51 → "2.5". */
    public static String decimal1(double v) {
        return fixed(v, 10, 1);
    }

    /** 0.5 → "50%". */
    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** 5.0 → "5", 0.5 → "0.5". */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** "0.60" → "0,60": a number written by the methods above in Russian form, for a rule's Russian reason. */
    public static String comma(String number) {
        return number.replace('.', ',');
    }

    private static String fixed(double v, int scale, int digits) {
        long n = Math.round(Math.abs(v) * scale);
        StringBuilder b = new StringBuilder(8);
        if (v < 0 && n != 0) {
            b.append('-');
        }
        b.append(n / scale).append('.');
        String frac = Long.toString(n % scale);
        for (int i = frac.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(frac).toString();
    }
}
