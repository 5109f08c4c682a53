package ru.workready.data.reports;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.employers.SmallCells;

/**
 * What a report about students withholds, and why. Small-group suppression ({@link SmallCells})
 * applies to every caller but the programme's own college: {@code applied} is false only for a
 * COLLEGE key reading its own college's programme. {@code suppressed} means the whole group
 * publishes nothing but its existence; otherwise single counts, shares and means may be hidden
 * (null in JSON, «скрыто» in exports) with the reason on their row.
 *
 * @param reason      why the group is suppressed, or {@code SMALL_COUNTS} when only some numbers are hidden; null when nothing is
 * @param description the reason in words
 */
public record Disclosure(boolean applied, int minimumGroupSize, boolean suppressed,
                         SmallCells.@Nullable Reason reason, @Nullable String description) {

    /** Everything published: the caller is the programme's own college. */
    public static Disclosure unsuppressed() {
        return new Disclosure(false, SmallCells.K, false, null, null);
    }

    static Disclosure of(boolean applied, boolean suppressed, SmallCells.@Nullable Reason reason) {
        return new Disclosure(applied, SmallCells.K, suppressed, reason, reason == null ? null : reason.description());
    }

    /** Lines for the top of CSV and XLSX exports (Russian). */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (!applied) {
            lines.add("Подавление малых групп: не применяется (отчёт для своего колледжа)");
            return lines;
        }
        lines.add("Подавление малых групп: применяется — числа о группах менее " + minimumGroupSize
                + " студентов не публикуются, скрытые значения помечены «скрыто»");
        if (suppressed) {
            lines.add("Группа подавлена целиком: " + russian(reason));
        } else if (reason != null) {
            lines.add("Часть значений скрыта: " + russian(reason));
        }
        return lines;
    }

    static String russian(SmallCells.@Nullable Reason reason) {
        if (reason == null) {
            return "";
        }
        switch (reason) {
            case SMALL_GROUP:
                return "в группе менее " + SmallCells.K + " студентов";
            case NO_SAFE_COMPLEMENT:
                return "малое число нельзя скрыть среди не менее чем " + SmallCells.K + " других студентов";
            case FEW_WITHHELD_CONSENT:
                return "от 1 до " + (SmallCells.K - 1) + " студентов группы не дали согласия на показ работодателям";
            case SMALL_NEIGHBOUR:
                return "другой набор этой программы с тем же годом выпуска насчитывает менее " + SmallCells.K
                        + " студентов";
            default:
                return "числа о менее чем " + SmallCells.K + " студентах и дополняющие их скрыты";
        }
    }

    /** The marker for a hidden number in exports. */
    static final String HIDDEN = "скрыто";
}
