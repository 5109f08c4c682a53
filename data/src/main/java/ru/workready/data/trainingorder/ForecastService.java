package ru.workready.data.trainingorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.ProblemType;
import ru.workready.data.colleges.RegionRepository;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.employers.DemandService;

/**
 * A region's forecasts of specialists needed per specialty (ФГОС СПО code) and year (прогноз потребности в кадрах).
 * A file is stored whole or not at all; a row for a region, year and code already forecast replaces its count, so the
 * same file sent again changes nothing.
 */
@Service
public class ForecastService {
    public static final ProblemType INVALID = ProblemType.INVALID_FORECAST;
    static final String UNKNOWN_REGION = "unknown region: a code or official name from GET /api/regions";
    static final List<String> COLUMNS = List.of("region", "year", "fgos_code", "count");

    /** One stored forecast. */
    public record Forecast(long id, String region, int year, String fgosCode, int needed, @Nullable String source) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RegionRepository regions;
    private final DemandService demand;

    public ForecastService(JdbcClient jdbc, JdbcTemplate template, RegionRepository regions, DemandService demand) {
        this.demand = demand;
        this.jdbc = jdbc;
        this.template = template;
        this.regions = regions;
    }

    /**
     * Columns region (code or official name), year, count (or needed), source optional, and per row either fgos_code (a
     * specialty forecast) or standard_code + function_code (a ТФ "A/01.3" or ОТФ "A": stored as declared demand, judged
     * by the same rules as {@code POST /api/demand}). Every bad row of either kind is listed; nothing is stored then.
     */
    public int upload(byte[] content, @Nullable String contentType) {
        return upload(content, contentType, PlanningScope.ANY);
    }

    /** As {@link #upload(byte[], String)}; a row of a region outside {@code scope} is refused as an unknown region. */
    @Transactional
    public int upload(byte[] content, @Nullable String contentType, PlanningScope scope) {
        SheetUpload file = SheetUpload.read(content, contentType, INVALID, List.of("region", "year"));
        file.requireOneOf("fgos_code", "standard_code");
        List<Object[]> stored = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<DemandService.DemandDraft> functions = new ArrayList<>();
        List<Integer> functionRows = new ArrayList<>();
        for (CsvReader.Row row : file.rows) {
            if (row.get("fgos_code") == null && (row.get("standard_code") != null || row.get("function_code") != null)) {
                outOfScope(file, row, regions, scope);
                functions.add(draft(file, row));
                functionRows.add(row.number());
                continue;
            }
            String region = region(file, row, regions, scope);
            Integer year = file.year(row, "year");
            String fgos = file.fgos(row, "fgos_code");
            Integer needed = file.number(row, row.get("count") == null && row.get("needed") != null ? "needed"
                    : "count", 0, 10_000_000);
            if (region == null || year == null || fgos == null || needed == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(region + '|' + year + '|' + fgos, row.number());
            if (first != null) {
                file.problem(row, null, null, "the same region, year and specialty as row " + first);
                continue;
            }
            stored.add(new Object[] {region, year, fgos, needed, row.get("source")});
        }
        declare(functions, functionRows, file);
        file.refuseIfAny("forecast");
        template.batchUpdate("""
                insert into specialty_forecast (region, year, fgos_code, needed, source) values (?, ?, ?, ?, ?)
                on conflict (region, year, fgos_code)
                do update set needed = excluded.needed, source = excluded.source, recorded_at = now()""", stored);
        return stored.size() + functions.size();
    }

    /** A ТФ / ОТФ row as a declared-demand draft; a value that is not a number is reported here, a missing one there. */
    private static DemandService.DemandDraft draft(SheetUpload file, CsvReader.Row row) {
        String column = row.get("count") == null && row.get("needed") != null ? "needed" : "count";
        return new DemandService.DemandDraft(row.get("region"), lenient(file, row, "year"), lenient(file, row, column),
                null, null, row.get("standard_code"), row.get("function_code"), row.get("source"));
    }

    private static @Nullable Integer lenient(SheetUpload file, CsvReader.Row row, String column) {
        String v = row.get(column);
        try {
            return v == null ? null : Integer.valueOf(v.replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            file.problem(row, column, v, "expected a whole number");
            return null;
        }
    }

    /**
     * Stores the ТФ / ОТФ rows through the declared-demand rules, in this transaction: their problems are listed with
     * the file's row numbers, and any problem in the file rolls them back with the rest.
     */
    private void declare(List<DemandService.DemandDraft> drafts, List<Integer> rows, SheetUpload file) {
        if (drafts.isEmpty()) {
            return;
        }
        try {
            demand.upload(drafts);
        } catch (ru.workready.data.InvalidInputException e) {
            for (ru.workready.data.InvalidInputException.Problem p : e.problems()) {
                if (p.row() != null && "required".equals(p.reason()) && file.problems.stream().anyMatch(q ->
                        rows.get(p.row() - 1).equals(q.row()) && p.column() != null && q.column() != null
                                && (p.column().equals(q.column()) || "needed".equals(p.column())
                                && "count".equals(q.column())))) {
                    continue; // already reported while reading the cell
                }
                file.problems.add(new ru.workready.data.InvalidInputException.Problem(
                        p.row() == null ? null : rows.get(p.row() - 1), p.column(), p.value(), p.reason()));
            }
        }
    }

    /**
     * A region named by code or official name, as its official name; null with a problem when unknown — or outside the
     * caller's scope, told the same way so that no other region's existence is revealed.
     */
    static @Nullable String region(SheetUpload file, CsvReader.Row row, RegionRepository regions, PlanningScope scope) {
        String v = file.text(row, "region");
        if (v == null) {
            return null;
        }
        String name = regions.officialName(v).filter(scope::allows).orElse(null);
        if (name == null) {
            file.problem(row, "region", v, UNKNOWN_REGION);
        }
        return name;
    }

    /** A declared-demand row of a known region outside the scope (an unknown one is reported by the demand rules). */
    private static void outOfScope(SheetUpload file, CsvReader.Row row, RegionRepository regions, PlanningScope scope) {
        String v = row.get("region");
        if (v != null && regions.officialName(v.strip()).filter(r -> !scope.allows(r)).isPresent()) {
            file.problem(row, "region", v, UNKNOWN_REGION);
        }
    }

    /** Whether any specialty forecast of the region (official name) is stored. */
    public boolean anyFor(String region) {
        return jdbc.sql("select exists (select 1 from specialty_forecast where region = ?)").param(region)
                .query(Boolean.class).single();
    }

    /** The region's forecasts for the years from … to (inclusive), in year and code order. */
    public List<Forecast> list(String region, int from, int to) {
        return jdbc.sql("""
                        select id, region, year, fgos_code, needed, source from specialty_forecast
                        where region = ? and year between ? and ? order by year, fgos_code""")
                .params(region, from, to)
                .query((rs, n) -> new Forecast(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6))).list();
    }
}
