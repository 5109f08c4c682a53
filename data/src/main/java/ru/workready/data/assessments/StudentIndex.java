package ru.workready.data.assessments;

import java.util.List;

/**
 * The college's students by id, numbered by ordinal, for the look-up every row of an upload makes. A hash map of
 * twenty thousand students missed the caches four or five times a look-up (its table, node, key, the key's bytes, the
 * value: a fifth of a bulk upload's reading thread); here the table is one array of hash and ordinal, and the ids'
 * characters are packed one after another, so a look-up reads two small arrays that stay in the cache.
 */
final class StudentIndex {
    private final String[] ids;
    private final AssessmentLookups.ProgrammeRef[] programmes;
    /** Every id's characters, in ordinal order; id {@code o} is {@code chars[starts[o]..starts[o + 1])}. */
    private final char[] chars;
    private final int[] starts;
    /** Open addressing: the id's hash in the high half, ordinal + 1 in the low half; 0 is an empty slot. */
    private final long[] slots;

    StudentIndex(List<String> ids, List<AssessmentLookups.ProgrammeRef> programmes) {
        int n = ids.size();
        this.ids = ids.toArray(String[]::new);
        this.programmes = programmes.toArray(AssessmentLookups.ProgrammeRef[]::new);
        starts = new int[n + 1];
        int length = 0;
        for (int o = 0; o < n; o++) {
            starts[o] = length;
            length += this.ids[o].length();
        }
        starts[n] = length;
        chars = new char[length];
        for (int o = 0; o < n; o++) {
            this.ids[o].getChars(0, this.ids[o].length(), chars, starts[o]);
        }
        slots = new long[Math.max(16, Integer.highestOneBit(Math.max(1, n)) << 2)]; // at most half full
        int mask = slots.length - 1;
        for (int o = 0; o < n; o++) {
            int hash = this.ids[o].hashCode();
            int i = spread(hash) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = (long) hash << 32 | (o + 1);
        }
    }

    /** The student's ordinal, or -1 when the college has no such student. */
    int find(String id) {
        int hash = id.hashCode();
        int mask = slots.length - 1;
        for (int i = spread(hash) & mask; slots[i] != 0; i = (i + 1) & mask) {
            long slot = slots[i];
            if ((int) (slot >>> 32) == hash) {
                int ordinal = (int) slot - 1;
                if (sameId(id, ordinal)) {
                    return ordinal;
                }
            }
        }
        return -1;
    }

    String id(int ordinal) {
        return ids[ordinal];
    }

    AssessmentLookups.ProgrammeRef programme(int ordinal) {
        return programmes[ordinal];
    }

    private boolean sameId(String id, int ordinal) {
        int start = starts[ordinal];
        int n = id.length();
        if (starts[ordinal + 1] - start != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (chars[start + k] != id.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash * 0x9E3779B9 >>> 7;
    }
}
