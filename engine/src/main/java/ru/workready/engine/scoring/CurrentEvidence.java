package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * The evidence that can count (DESIGN §3 step 3), picked as a history streams by: the latest result per outcome and
 * kind, and the latest independent assessment (НОК) per standard and generalized function, in the order of
 * {@link Methodology#CHRONOLOGICAL}. It holds one result per key whatever the history's length, so a reader can
 * stream a student's 100,000 results through it in the memory of the few dozen that count.
 */
public final class CurrentEvidence {
    /** What a retake replaces: the same outcome and kind, or the same НОК target. */
    private record Key(@Nullable String outcomeCode, @Nullable EvidenceKind kind, @Nullable String standardCode,
                       @Nullable String generalizedFunctionCode) {
        static Key of(Evidence e) {
            return e.outcomeCode() != null ? new Key(e.outcomeCode(), e.kind(), null, null)
                    : new Key(null, null, e.standardCode(), e.generalizedFunctionCode());
        }
    }

    private final Map<Key, Evidence> latest = new HashMap<>();

    public void add(Evidence e) {
        latest.merge(Key.of(e), e, (a, b) -> Methodology.CHRONOLOGICAL.compare(a, b) >= 0 ? a : b);
    }

    /** The current evidence in order of arrival. */
    public List<Evidence> list() {
        List<Evidence> result = new ArrayList<>(latest.values());
        result.sort(Comparator.comparingLong(Evidence::sequence));
        return result;
    }
}
