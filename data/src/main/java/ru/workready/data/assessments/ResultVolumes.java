package ru.workready.data.assessments;

import ru.workready.engine.assessments.EvidenceKind;

/**
 * Counts one file's results per student, outcome and kind, to warn about implausible volumes: a student retakes an
 * assessment a few times, not a thousand (a repeated export, a generator gone wrong). Only the latest result of each
 * counts for scoring, so the file is stored all the same. Memory is bounded: once {@link #MAX_KEYS} distinct keys
 * are counted no new key is added (a file of implausible volume repeats few keys, so it is still caught).
 *
 * <p>Every stored row passes here, so the counts live in an open-addressing table of primitives with a mixed hash:
 * a boxed {@code HashMap<Long, …>} spent 40 % of a bulk upload's reading thread (its keys' {@code Long.hashCode}
 * folded the student onto the outcome bits and the buckets degenerated into trees).
 */
final class ResultVolumes {
    static final int MAX_KEYS = 200_000;
    /** Key 0 is never a real key: the kind is stored one up. */
    private static final long EMPTY = 0;
    private final int max;
    /**
     * Slot i: the key at 2i, its count at 2i + 1, so that a look-up touches one cache line: on a large file the table
     * outgrows the caches and each row's look-up misses them (14–17 % of a bulk upload's reading thread either way).
     */
    private long[] table = new long[2 << 12];
    private int size;

    /** Warns past {@code max} results per key; 0 turns the check off. */
    ResultVolumes(int max) {
        this.max = max;
    }

    /** Counts a result; true exactly once per key, when its count passes the maximum. */
    boolean passesMaximum(int studentOrdinal, long outcomeId, EvidenceKind kind) {
        if (max <= 0) {
            return false;
        }
        long key = ((long) studentOrdinal << 36) ^ (outcomeId << 4) ^ (kind.ordinal() + 1);
        int at = slot(key);
        if (table[at] == EMPTY) {
            if (size >= MAX_KEYS) {
                return false;
            }
            table[at] = key;
            size++;
            if (size * 4 > table.length) { // half the slots full
                grow();
                at = slot(key);
            }
        }
        return ++table[at + 1] == max + 1;
    }

    int max() {
        return max;
    }

    /** Where the key is, or the empty slot where it goes (linear probing): the index of its key. */
    private int slot(long key) {
        int mask = (table.length >> 1) - 1;
        int i = (int) mix(key) & mask;
        while (table[2 * i] != EMPTY && table[2 * i] != key) {
            i = (i + 1) & mask;
        }
        return 2 * i;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int at = slot(old[i]);
                table[at] = old[i];
                table[at + 1] = old[i + 1];
            }
        }
    }

    /** The finaliser of MurmurHash3: every key bit moves the low bits the table indexes by. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }
}
