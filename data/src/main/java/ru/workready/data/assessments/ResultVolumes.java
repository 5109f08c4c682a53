package ru.workready.data.assessments;

import java.util.HashMap;
import java.util.Map;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * Counts one file's results per student, outcome and kind, to warn about implausible volumes: a student retakes an
 * assessment a few times, not a thousand (a repeated export, a generator gone wrong). Only the latest result of each
 * counts for scoring, so the file is stored all the same. Memory is bounded: once {@link #MAX_KEYS} distinct keys
 * are counted no new key is added (a file of implausible volume repeats few keys, so it is still caught).
 */
final class ResultVolumes {
    static final int MAX_KEYS = 200_000;
    private final int max;
    private final Map<Long, int[]> counts = new HashMap<>();

    /** Warns past {@code max} results per key; 0 turns the check off. */
    ResultVolumes(int max) {
        this.max = max;
    }

    /** Counts a result; true exactly once per key, when its count passes the maximum. */
    boolean passesMaximum(int studentOrdinal, long outcomeId, EvidenceKind kind) {
        if (max <= 0) {
            return false;
        }
        long key = ((long) studentOrdinal << 36) ^ (outcomeId << 4) ^ kind.ordinal();
        int[] count = counts.get(key);
        if (count == null) {
            if (counts.size() >= MAX_KEYS) {
                return false;
            }
            count = new int[1];
            counts.put(key, count);
        }
        return ++count[0] == max + 1;
    }

    int max() {
        return max;
    }
}
