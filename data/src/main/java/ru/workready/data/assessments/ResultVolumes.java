package ru.workready.data.assessments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * Counts one file's results per student, outcome and kind, to warn about implausible volumes: a student retakes an
 * assessment a few times, not a thousand (a repeated export, a generator gone wrong). Only the latest result of each
 * counts for scoring, so the file is stored all the same.
 *
 * <p>Every stored row passes here, so a row is only appended to a buffer (one long: student, outcome, kind and row)
 * and the buffer is sorted and counted in bulk when it is full and at the end of the file: looking each row up in a
 * table of a million keys missed the caches on every row (a fifth of a bulk upload's reading thread), a sort of the
 * buffer costs a fraction of that. Memory is bounded: the buffer holds at most {@link #CHUNK} rows, and the counts
 * carried from one buffer to the next at most {@link #MAX_KEYS} keys (after that no new key is carried; a file of
 * implausible volume repeats few keys, so it is still caught).
 */
final class ResultVolumes {
    static final int MAX_KEYS = 200_000;
    /** Rows sorted at once. */
    static final int CHUNK = 1 << 20;
    /** An entry: student ordinal (19 bits), outcome index (11), kind (3), row (30); the sign bit stays clear. */
    private static final int ROW_BITS = 30;
    private static final int KIND_BITS = 3;
    private static final int OUTCOME_BITS = 11;
    private static final int STUDENT_BITS = 19;

    /** A key whose count passed the maximum, and the row where it did. */
    record Excess(int row, int studentOrdinal, long outcomeId, EvidenceKind kind) {
    }

    private final int max;
    private final int chunk;
    private long[] rows;
    private int size;
    /** Outcome ids by their index in the entries (a file names a few dozen outcomes). */
    private final OutcomeIndex outcomes = new OutcomeIndex();
    /** Counts carried from earlier buffers, ascending by key (an entry without its row). */
    private long[] carriedKeys = new long[0];
    private int[] carriedCounts = new int[0];
    private int carried;
    private final List<Excess> excesses = new ArrayList<>();

    /** Warns past {@code max} results per key; 0 turns the check off. */
    ResultVolumes(int max) {
        this(max, CHUNK);
    }

    /** With a smaller buffer (tests carry counts across many). */
    ResultVolumes(int max, int chunk) {
        this.max = max;
        this.chunk = chunk;
        this.rows = new long[Math.min(4096, chunk)];
    }

    int max() {
        return max;
    }

    /** Counts a result. Students, outcomes and rows beyond the entry's bits (a million-student college) are not. */
    void count(int studentOrdinal, long outcomeId, EvidenceKind kind, int row) {
        if (max <= 0 || studentOrdinal >>> STUDENT_BITS != 0 || row >>> ROW_BITS != 0) {
            return;
        }
        int outcome = outcomes.indexOf(outcomeId);
        if (outcome >>> OUTCOME_BITS != 0) {
            return;
        }
        if (size == rows.length) {
            if (size >= chunk) {
                countBuffer();
            } else {
                rows = Arrays.copyOf(rows, Math.min(chunk, rows.length * 2));
            }
        }
        rows[size++] = ((((long) studentOrdinal << OUTCOME_BITS | outcome) << KIND_BITS | kind.ordinal()) << ROW_BITS)
                | row;
    }

    /** The keys that passed the maximum, each once, in the order of the rows where they did. */
    List<Excess> excesses() {
        countBuffer();
        excesses.sort(Comparator.comparingInt(Excess::row));
        return List.copyOf(excesses);
    }

    /** Sorts the buffer and merges its runs into the carried counts; a key passing the maximum is an excess. */
    private void countBuffer() {
        if (size == 0) {
            return;
        }
        Arrays.sort(rows, 0, size);
        // the carried keys always fit; new keys take what room is left under MAX_KEYS
        long[] keys = new long[Math.min(MAX_KEYS, carried + size)];
        int[] counts = new int[keys.length];
        int room = keys.length - carried;
        int kept = 0;
        int j = 0;
        int start = 0;
        while (start < size) {
            long key = rows[start] >>> ROW_BITS;
            int end = start + 1;
            while (end < size && rows[end] >>> ROW_BITS == key) {
                end++;
            }
            while (j < carried && carriedKeys[j] < key) {
                keys[kept] = carriedKeys[j];
                counts[kept++] = carriedCounts[j++];
            }
            int before = 0;
            boolean known = j < carried && carriedKeys[j] == key;
            if (known) {
                before = carriedCounts[j++];
            }
            int total = before + (end - start);
            if (before <= max && total > max) {
                excesses.add(excess(key, (int) (rows[start + max - before] & ((1L << ROW_BITS) - 1))));
            }
            if (known || room > 0) {
                room -= known ? 0 : 1;
                keys[kept] = key;
                counts[kept++] = total;
            }
            start = end;
        }
        while (j < carried) {
            keys[kept] = carriedKeys[j];
            counts[kept++] = carriedCounts[j++];
        }
        carriedKeys = keys;
        carriedCounts = counts;
        carried = kept;
        size = 0;
    }

    private Excess excess(long key, int row) {
        EvidenceKind kind = EvidenceKind.values()[(int) (key & ((1 << KIND_BITS) - 1))];
        int outcome = (int) (key >>> KIND_BITS & ((1 << OUTCOME_BITS) - 1));
        int student = (int) (key >>> (KIND_BITS + OUTCOME_BITS));
        return new Excess(row, student, outcomes.id(outcome), kind);
    }

    /** Outcome ids numbered in order of appearance (at most 2^11: more are not counted). */
    private static final class OutcomeIndex {
        /** Open addressing: slot → index + 1 (0: empty); twice the indexes it can hold. */
        private final int[] slots = new int[2 << OUTCOME_BITS];
        private long[] ids = new long[64];
        private int size;

        int indexOf(long id) {
            int mask = slots.length - 1;
            int i = (int) (id ^ id >>> 29) * 0x9E3779B9 >>> 20 & mask;
            while (slots[i] != 0) {
                if (ids[slots[i] - 1] == id) {
                    return slots[i] - 1;
                }
                i = (i + 1) & mask;
            }
            if (size == 1 << OUTCOME_BITS) {
                return size;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size] = id;
            slots[i] = ++size;
            return size - 1;
        }

        long id(int index) {
            return ids[index];
        }
    }
}
