package ru.workready.data.trainingorder;

import ru.workready.engine.employers.SmallCells;

/**
 * When a historical share may not be published as a college's own. A share rests only on groups of
 * {@link SmallCells#K}+ graduates, so its count never singles anybody out — except when it is 0 % or 100 %: then it
 * says of every graduate it rests on that they were (not) READY, or (not) employed in the specialty. Over a few graduates
 * — one or two small groups of a college — that tells a regional reader each person's result. So a 0 % or 100 % share
 * over fewer than {@link #MIN_FOR_ALL_OR_NONE} graduates is not used: the order falls back to the region's share (which
 * pools other colleges' graduates), and to the default when that is no better.
 */
final class ShareDisclosure {
    /** Two minimum groups: an all-or-none share over fewer graduates tells each one's result. */
    static final int MIN_FOR_ALL_OR_NONE = 2 * SmallCells.K;

    private ShareDisclosure() {
    }

    /** Whether {@code positive} of {@code total} graduates, published, would tell each one's result. */
    static boolean revealsEach(int positive, int total) {
        return total < MIN_FOR_ALL_OR_NONE && (positive == 0 || positive == total);
    }

    static String note(String whose) {
        return whose + "'s share (0 % or 100 % of fewer than " + MIN_FOR_ALL_OR_NONE
                + " graduates) is not used: it would tell each graduate's result";
    }
}
