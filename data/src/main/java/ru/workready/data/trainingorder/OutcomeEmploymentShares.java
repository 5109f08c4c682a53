package ru.workready.data.trainingorder;

import static ru.workready.engine.Decimals.four;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.workready.data.outcomes.GraduateCohort;
import ru.workready.data.outcomes.OutcomeRepository;
import ru.workready.data.outcomes.OutcomeRepository.Graduate;
import ru.workready.engine.employers.SmallCells;

/**
 * The employed-in-specialty share from the employment records (issue 22), as the employment report counts it: each
 * graduate's observation nearest to {@value #HORIZON_MONTHS} months after graduation (± the report's window); of those
 * whose answer tells (working in the specialty or not, studying, unemployed — not army, parental leave, no answer or a
 * job whose specialty is unknown), the share working in the specialty. Groups (college × specialty × graduation year)
 * are those of the READY share's history window whose horizon has passed; a group of fewer than {@link SmallCells#K}
 * graduates with a known answer is left out. The college's own groups when any qualifies, else the region's colleges'
 * groups of the specialty, else none (the order's default).
 */
@Component
class OutcomeEmploymentShares implements EmploymentShares {
    /** A year after graduation: the graduates have settled, and the horizon ministries report on. */
    static final int HORIZON_MONTHS = 12;

    private record Group(String college, int year, int known, int inSpecialty) {
    }

    private final OutcomeRepository outcomes;
    private final Clock clock;

    OutcomeEmploymentShares(OutcomeRepository outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Override
    public RegionShares of(String region, int fromYear, int toYear) {
        LocalDate today = LocalDate.now(clock);
        Map<String, List<Group>> bySpecialty = new HashMap<>();
        return (college, fgos) -> share(bySpecialty.computeIfAbsent(fgos, f -> groups(region, f, fromYear, toYear,
                today)), college);
    }

    private static Optional<Measured> share(List<Group> groups, String college) {
        Optional<Measured> own = pooled(groups, college);
        if (own.isPresent() && !revealsEach(own.get())) {
            return own;
        }
        String why = own.isPresent() ? ShareDisclosure.note(college) : college + " has no group of " + SmallCells.K
                + "+ graduates with a known answer";
        return pooled(groups, null).filter(m -> !revealsEach(m)).map(m -> new Measured(m.share(), "REGION",
                m.graduates(), m.graduationYears(), m.explanation() + " (" + why + ")"));
    }

    private static boolean revealsEach(Measured m) {
        return ShareDisclosure.revealsEach((int) Math.round(m.share() * m.graduates()), m.graduates());
    }

    /** The pooled share of one college's groups (or all), empty when none qualifies. */
    private static Optional<Measured> pooled(List<Group> groups, @Nullable String college) {
        int known = 0;
        int inSpecialty = 0;
        Set<Integer> years = new TreeSet<>();
        for (Group g : groups) {
            if (college == null || g.college().equals(college)) {
                known += g.known();
                inSpecialty += g.inSpecialty();
                years.add(g.year());
            }
        }
        if (known == 0) {
            return Optional.empty();
        }
        String whose = college == null ? "the region's colleges" : "college " + college;
        return Optional.of(new Measured(four((double) inSpecialty / known), college == null ? "REGION" : "COLLEGE",
                known, List.copyOf(years), inSpecialty + " of " + known + " graduates of " + whose
                + " with a known answer employed in the specialty " + HORIZON_MONTHS + " months after graduation in "
                + years));
    }

    /** The region's groups of the specialty whose horizon has passed and that rest on enough known answers. */
    private List<Group> groups(String region, String fgos, int fromYear, int toYear, LocalDate today) {
        Map<String, int[]> tallies = new HashMap<>();
        for (Graduate g : outcomes.graduates(new GraduateCohort(null, fgos, region, fromYear, toYear),
                HORIZON_MONTHS, ru.workready.data.outcomes.EmploymentReportService.WINDOW_MONTHS, today)) {
            Boolean inSpecialty = g.workingInSpecialty();
            if (g.graduatedOn().plusMonths(HORIZON_MONTHS).isAfter(today) || inSpecialty == null) {
                continue;
            }
            int[] t = tallies.computeIfAbsent(g.college() + '|' + g.graduationYear(), k -> new int[2]);
            t[0]++;
            t[1] += inSpecialty ? 1 : 0;
        }
        return tallies.entrySet().stream().filter(e -> !SmallCells.tooSmall(e.getValue()[0]))
                .map(e -> new Group(e.getKey().substring(0, e.getKey().lastIndexOf('|')),
                        Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('|') + 1)), e.getValue()[0],
                        e.getValue()[1]))
                .toList();
    }
}
