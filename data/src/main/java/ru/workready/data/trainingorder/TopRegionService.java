package ru.workready.data.trainingorder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.colleges.RegionRepository;
import ru.workready.data.csv.CsvReader;

/**
 * The ТОП-Регион list as data — the region's in-demand specialties of a list year, ranked — and which of the region's
 * colleges prepare for each entry now. An upload replaces the whole list of every (region, list year) it names: a list
 * is published whole, and an entry dropped from the new list must not linger.
 */
@Service
public class TopRegionService {
    public static final ProblemType INVALID = ProblemType.INVALID_TOP_REGION;

    public record Entry(String region, int listYear, String fgosCode, String name, int rank) {
    }

    /** A college training for an entry: its intakes still in study and their students (admission figures). */
    public record Preparing(String college, String collegeName, String programmeName, List<Integer> intakeYears,
                            int studentsInStudy) {
    }

    public record Coverage(Entry entry, List<Preparing> colleges, boolean covered) {
    }

    /** The list with, per entry, the colleges preparing for it, and the entries no college covers. */
    public record CoverageReport(String region, int listYear, List<Coverage> entries, List<Entry> uncovered) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RegionRepository regions;
    private final Clock clock;

    public TopRegionService(JdbcClient jdbc, JdbcTemplate template, RegionRepository regions, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.regions = regions;
        this.clock = clock;
    }

    /** Columns region, list_year (or year), fgos_code, name, rank. */
    public int upload(byte[] content, @Nullable String contentType) {
        return upload(content, contentType, PlanningScope.ANY);
    }

    /** As {@link #upload(byte[], String)}; a row of a region outside {@code scope} is refused as an unknown region. */
    @Transactional
    public int upload(byte[] content, @Nullable String contentType, PlanningScope scope) {
        SheetUpload file = SheetUpload.read(content, contentType, INVALID, List.of("region", "fgos_code", "name",
                "rank"));
        List<Object[]> stored = new ArrayList<>();
        Set<String> lists = new LinkedHashSet<>();
        Map<String, Integer> seenCodes = new HashMap<>();
        Map<String, Integer> seenRanks = new HashMap<>();
        for (CsvReader.Row row : file.rows) {
            String region = ForecastService.region(file, row, regions, scope);
            Integer year = file.year(row, row.get("list_year") == null && row.get("year") != null ? "year"
                    : "list_year");
            String fgos = file.fgos(row, "fgos_code");
            String name = file.text(row, "name");
            Integer rank = file.number(row, "rank", 1, 10_000);
            if (region == null || year == null || fgos == null || name == null || rank == null) {
                continue;
            }
            String list = region + '|' + year;
            Integer first = seenCodes.putIfAbsent(list + '|' + fgos, row.number());
            Integer sameRank = seenRanks.putIfAbsent(list + '#' + rank, row.number());
            if (first != null) {
                file.problem(row, "fgos_code", fgos, "the same specialty is on this list at row " + first);
            } else if (sameRank != null) {
                file.problem(row, "rank", String.valueOf(rank), "rank already given at row " + sameRank);
            } else {
                lists.add(list);
                stored.add(new Object[] {region, year, fgos, name, rank});
            }
        }
        file.refuseIfAny("ТОП-Регион list");
        for (String list : lists) {
            String[] key = list.split("\\|");
            jdbc.sql("delete from top_region_entry where region = ? and list_year = ?")
                    .params(key[0], Integer.parseInt(key[1])).update();
        }
        template.batchUpdate("insert into top_region_entry (region, list_year, fgos_code, name, rank) "
                + "values (?, ?, ?, ?, ?)", stored);
        return stored.size();
    }

    /** The region's list of a year (the latest list up to that year when that year has none). */
    public List<Entry> list(String region, int year) {
        return jdbc.sql("""
                        select region, list_year, fgos_code, name, rank from top_region_entry
                        where region = :region and list_year = (select max(list_year) from top_region_entry
                                                                where region = :region and list_year <= :year)
                        order by rank""")
                .param("region", region).param("year", year)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).list();
    }

    /** Which colleges of the region train for each entry now (an intake not graduated yet), and which entries none. */
    public CoverageReport coverage(String region, int year, @Nullable String onlyCollege) {
        List<Entry> entries = list(region, year);
        if (entries.isEmpty()) {
            throw new NotFoundException("No ТОП-Регион list of " + region + " up to " + year);
        }
        LocalDate today = LocalDate.now(clock);
        List<Coverage> out = new ArrayList<>();
        List<Entry> uncovered = new ArrayList<>();
        for (Entry e : entries) {
            List<Preparing> all = preparing(region, e.fgosCode(), today);
            List<Preparing> colleges = all.stream()
                    .filter(p -> onlyCollege == null || onlyCollege.equals(p.college())).toList();
            boolean covered = !all.isEmpty();
            out.add(new Coverage(e, colleges, covered));
            if (!covered) {
                uncovered.add(e);
            }
        }
        return new CoverageReport(region, entries.get(0).listYear(), out, uncovered);
    }

    private List<Preparing> preparing(String region, String fgos, LocalDate today) {
        return jdbc.sql("""
                        select c.code, c.name, max(p.name), array_agg(p.intake_year order by p.intake_year),
                               sum((select count(*) from student s where s.programme_id = p.id))
                        from programme p join college c on c.id = p.college_id
                        where c.region = ? and p.fgos_code = ?
                          and make_date(p.intake_year + cast(ceil(p.study_months / 12.0) as integer), 6, 30) > ?
                        group by c.code, c.name order by c.code""")
                .params(region, fgos, today)
                .query((rs, n) -> new Preparing(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((Integer[]) rs.getArray(4).getArray()), rs.getInt(5))).list();
    }
}
