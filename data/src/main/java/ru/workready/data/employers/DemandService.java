package ru.workready.data.employers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.CsvTable;

/**
 * Declared labour demand (потребность в кадрах): how many people a region needs in a year per job
 * profile, per ТФ or per qualification (ОТФ) — the shape of TOP-Region lists and forecasts.
 * A file or request is stored whole or not at all; a row for a target already declared for the
 * same region and year replaces it, so sending the same file again changes nothing.
 */
@Service
public class DemandService {
    public static final ProblemType INVALID = ProblemType.INVALID_DEMAND;
    static final int MAX_LISTED_PROBLEMS = 100;

    /** One declared need as sent: either employer + profile, or standard + function (ТФ "A/01.3" or ОТФ "A"). */
    public record DemandDraft(@Nullable String region, @Nullable Integer year, @Nullable Integer needed,
                              @Nullable String employer, @Nullable String profile, @Nullable String standard,
                              @Nullable String function, @Nullable String source) {
    }

    public enum TargetKind { PROFILE, FUNCTION, QUALIFICATION }

    /** A stored need with what it is for. */
    public record Demand(String region, int year, TargetKind kind, @Nullable String employer,
                         @Nullable String profile, @Nullable String standard, @Nullable String function,
                         String targetName, int needed, @Nullable String source, long targetId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final EmployerRepository employers;

    private final ru.workready.data.colleges.RegionRepository regions;

    public DemandService(JdbcClient jdbc, JdbcTemplate template, EmployerRepository employers,
                         ru.workready.data.colleges.RegionRepository regions) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.template = template;
        this.employers = employers;
    }

    /** Columns: region, year, needed (or count), employer + profile, or standard_code + function_code; source. */
    @Transactional
    public int uploadCsv(byte[] content) {
        return uploadCsv(content, null);
    }

    /**
     * As {@link #uploadCsv(byte[])}; with {@code ownEmployer} (an employer's key) every row must be
     * for a job profile of that employer: another employer's rows are refused like unknown ones (no
     * probing), and regional rows by ТФ or qualification are left to the administrator.
     */
    @Transactional
    public int uploadCsv(byte[] content, @Nullable String ownEmployer) {
        List<DemandDraft> drafts = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> unparsed = new HashSet<>();
        List<String> header = CsvTable.read(content, row -> {
            rows.add(row.number());
            drafts.add(new DemandDraft(row.get("region"), integer(row, "year", problems, unparsed),
                    integer(row, row.get("needed") == null && row.get("count") != null ? "count" : "needed", problems,
                            unparsed),
                    row.get("employer"), row.get("profile"), row.get("standard_code"), row.get("function_code"),
                    row.get("source")));
        });
        for (String required : List.of("region", "year")) {
            if (!header.contains(required)) {
                problems.add(0, new Problem(1, required, null, "missing column"));
            }
        }
        if (!header.contains("needed") && !header.contains("count")) {
            problems.add(0, new Problem(1, "needed", null, "missing column"));
        }
        if (drafts.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.ofFile("the file has no rows"));
        }
        return store(drafts, rows, problems, unparsed, ownEmployer);
    }

    /** The same as a file upload, from a JSON list; problems name the list index + 1 as the row. */
    @Transactional
    public int upload(List<DemandDraft> drafts) {
        return upload(drafts, null);
    }

    /** As {@link #upload(List)}, limited to one employer's job profiles as {@link #uploadCsv(byte[], String)}. */
    @Transactional
    public int upload(List<DemandDraft> drafts, @Nullable String ownEmployer) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            rows.add(i + 1);
        }
        List<Problem> problems = new ArrayList<>();
        if (drafts.isEmpty()) {
            problems.add(Problem.ofFile("no rows"));
        }
        return store(drafts, rows, problems, Set.of(), ownEmployer);
    }

    /**
     * Validates and resolves every row, then stores all or nothing. {@code unparsed} holds
     * "row|column" of the values already reported as unparsable, so they are not also "required".
     */
    private int store(List<DemandDraft> drafts, List<Integer> rows, List<Problem> problems, Set<String> unparsed,
                      @Nullable String ownEmployer) {
        List<DemandResolver.Resolved> resolved = new DemandResolver(jdbc, employers, regions, unparsed, ownEmployer)
                .resolve(drafts, rows, problems);
        if (!problems.isEmpty()) {
            // values that failed to parse were reported while reading: list everything in row order
            problems.sort(java.util.Comparator.comparing(Problem::row,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
            throw new InvalidInputException(INVALID, "The demand has " + problems.size()
                    + " problem(s); nothing was stored", problems.subList(0, Math.min(problems.size(),
                    MAX_LISTED_PROBLEMS)), problems.size());
        }
        template.batchUpdate("""
                        insert into labour_demand (region, year, profile_id, labour_function_id, generalized_function_id,
                                                   needed, source)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (region, year, coalesce(profile_id, 0), coalesce(labour_function_id, 0),
                                     coalesce(generalized_function_id, 0))
                        do update set needed = excluded.needed, source = excluded.source, recorded_at = now()""",
                resolved.stream().map(r -> new Object[] {r.region(), r.year(), r.profileId(), r.functionId(),
                        r.generalizedId(), r.needed(), r.source()}).toList());
        return resolved.size();
    }

    /** Declared demand, optionally for one region and year. */
    public List<Demand> list(@Nullable String region, @Nullable Integer year) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (region != null) {
            where.add("d.region = ?");
            params.add(region);
        }
        if (year != null) {
            where.add("d.year = ?");
            params.add(year);
        }
        return jdbc.sql("""
                        select d.region, d.year, d.needed, d.source,
                               e.code, jp.code, jp.name, jp.id,
                               fs.code, f.code, f.name, f.id,
                               gs.code, g.code, g.name, g.id
                        from labour_demand d
                        left join job_profile jp on jp.id = d.profile_id left join employer e on e.id = jp.employer_id
                        left join labour_function f on f.id = d.labour_function_id
                        left join professional_standard fs on fs.id = f.standard_id
                        left join generalized_function g on g.id = d.generalized_function_id
                        left join professional_standard gs on gs.id = g.standard_id
                        %s order by d.region, d.year, d.id""".formatted(where.isEmpty() ? "" : "where " + String.join(" and ", where)))
                .params(params)
                .query(DemandService::demand).list();
    }

    /** A need by what it is for: a job profile, else a ТФ, else a qualification (ОТФ). */
    private static Demand demand(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String region = rs.getString(1);
        int year = rs.getInt(2);
        int needed = rs.getInt(3);
        String source = rs.getString(4);
        if (rs.getString(6) != null) {
            return new Demand(region, year, TargetKind.PROFILE, rs.getString(5), rs.getString(6), null,
                    null, rs.getString(7), needed, source, rs.getLong(8));
        }
        if (rs.getString(10) != null) {
            return new Demand(region, year, TargetKind.FUNCTION, null, null, rs.getString(9),
                    rs.getString(10), rs.getString(11), needed, source, rs.getLong(12));
        }
        return new Demand(region, year, TargetKind.QUALIFICATION, null, null, rs.getString(13),
                rs.getString(14), rs.getString(15), needed, source, rs.getLong(16));
    }

    private static @Nullable Integer integer(CsvReader.Row row, String column, List<Problem> problems,
                                             Set<String> unparsed) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            String name = column.equals("count") ? "needed" : column;
            problems.add(new Problem(row.number(), name, v, "expected a whole number"));
            unparsed.add(row.number() + "|" + name);
            return null;
        }
    }

}
