package ru.workready.data.programmes;

import ru.workready.data.colleges.CollegeRepository;
import ru.workready.data.colleges.RegionRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.Locks;
import ru.workready.data.Page;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/** Colleges and their programmes with kinds of activity and outcomes. */
@Repository
public class ProgrammeRepository {

    /** A stored programme version. */
    public record ProgrammeSummary(long id, String collegeCode, String fgosCode, String name, String qualification,
                                   int qualificationLevel, int intakeYear) {
    }

    private final JdbcClient jdbc;

    private final RegionRepository regions;
    private final CollegeRepository colleges;

    public ProgrammeRepository(JdbcClient jdbc, RegionRepository regions, CollegeRepository colleges) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.colleges = colleges;
    }

    /** A college in a region of that name, which is added to the regions if new (tests, benchmarks, imports). */
    public long insertCollege(String code, String name, String region) {
        regions.ensureNamed(region);
        return colleges.insert(code, name, null, region, null, null, false);
    }

    public Optional<Long> collegeId(String code) {
        return jdbc.sql("select id from college where code = ?").param(code).query(Long.class).optional();
    }

    @Transactional
    public long insert(long collegeId, Programme p) {
        long id = jdbc.sql("""
                        insert into programme (college_id, fgos_code, name, qualification, qualification_level, intake_year)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(collegeId, p.fgosCode(), p.name(), p.qualification(), p.qualificationLevel(), p.intakeYear())
                .query(Long.class).single();
        Map<String, Long> activityIds = new LinkedHashMap<>();
        for (ActivityKind a : p.activities()) {
            activityIds.put(a.code(), jdbc.sql("""
                            insert into activity_kind (programme_id, code, module_code, name)
                            values (?, ?, ?, ?) returning id""")
                    .params(id, a.code(), a.moduleCode(), a.name()).query(Long.class).single());
        }
        for (Outcome o : p.outcomes()) {
            Long activityId = o.activityCode() == null ? null : activityIds.get(o.activityCode());
            if (o.activityCode() != null && activityId == null) {
                throw new IllegalArgumentException("outcome " + o.code() + " names unknown activity " + o.activityCode());
            }
            jdbc.sql("""
                            insert into outcome (programme_id, activity_kind_id, code, kind, name, parent_code)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(id, activityId, o.code(), o.kind().name(), o.name(), o.parentCode()).update();
        }
        return id;
    }

    public Optional<ProgrammeSummary> summary(long id) {
        return jdbc.sql("""
                        select p.id, c.code, p.fgos_code, p.name, p.qualification, p.qualification_level, p.intake_year
                        from programme p join college c on c.id = p.college_id where p.id = ?""").param(id)
                .query((rs, n) -> new ProgrammeSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7)))
                .optional();
    }

    /**
     * Holds, until the transaction ends, the lock on one programme version (college, ФГОС code,
     * year of intake), so that concurrent imports of it take turns between find and insert.
     */
    public void lockVersion(long collegeId, String fgosCode, int intakeYear) {
        Locks.lock(jdbc, "programme", collegeId + "/" + fgosCode + "/" + intakeYear);
    }

    public Optional<Long> find(long collegeId, String fgosCode, int intakeYear) {
        return jdbc.sql("select id from programme where college_id = ? and fgos_code = ? and intake_year = ?")
                .params(collegeId, fgosCode, intakeYear).query(Long.class).optional();
    }

    /** Outcome ids of a programme by outcome code. */
    public Map<String, Long> outcomeIds(long programmeId) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("select code, id from outcome where programme_id = ?").param(programmeId)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    public List<Outcome> outcomes(long programmeId) {
        return jdbc.sql("""
                        select o.code, o.kind, o.name, a.code, o.parent_code from outcome o
                        left join activity_kind a on a.id = o.activity_kind_id
                        where o.programme_id = ? order by o.id""").param(programmeId)
                .query((rs, n) -> new Outcome(rs.getString(1), OutcomeKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /** A whole programme version as stored, activities and outcomes in file order. */
    public Optional<Programme> load(long programmeId) {
        return summary(programmeId).map(p -> new Programme(p.fgosCode(), p.name(), p.qualification(),
                p.qualificationLevel(), p.intakeYear(),
                jdbc.sql("select code, module_code, name from activity_kind where programme_id = ? order by id")
                        .param(programmeId)
                        .query((rs, n) -> new ActivityKind(rs.getString(1), rs.getString(2), rs.getString(3))).list(),
                outcomes(programmeId)));
    }

    /**
     * A programme's outcomes matching the query (a code prefix such as "ПК 1" or words of the
     * wording, Russian stemming), in file order.
     */
    public Page<Outcome> searchOutcomes(long programmeId, @Nullable String q, int page, int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" where o.programme_id = :programme");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("programme", programmeId);
        if (q != null && !q.isBlank()) {
            where.append(" and (o.search @@ websearch_to_tsquery('russian', :q) or o.code like :prefix)");
            params.put("q", q.strip());
            params.put("prefix", ru.workready.engine.programmes.OutcomeCodes.normalize(q).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String from = " from outcome o left join activity_kind a on a.id = o.activity_kind_id";
        long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Outcome> items = jdbc.sql("select o.code, o.kind, o.name, a.code, o.parent_code " + from + where
                        + " order by o.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Outcome(rs.getString(1), OutcomeKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** College code of a programme version. */
    public Optional<String> collegeCode(long programmeId) {
        return summary(programmeId).map(ProgrammeSummary::collegeCode);
    }

    /**
     * Programme versions matching the query: a ФГОС code prefix (09.02) or words of the name or
     * qualification (Russian stemming); optionally of one college; newest intake first.
     */
    public Page<ProgrammeSummary> search(@Nullable String q, @Nullable String collegeCode, int page, int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        String rank = "";
        if (q != null && !q.isBlank()) {
            where.append(" and (p.search @@ websearch_to_tsquery('russian', :q) or p.fgos_code like :prefix)");
            params.put("q", q.strip());
            params.put("prefix", q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            rank = "ts_rank(p.search, websearch_to_tsquery('russian', :q)) desc, ";
        }
        if (collegeCode != null && !collegeCode.isBlank()) {
            where.append(" and c.code = :college");
            params.put("college", collegeCode);
        }
        String from = " from programme p join college c on c.id = p.college_id";
        long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<ProgrammeSummary> items = jdbc.sql("""
                        select p.id, c.code, p.fgos_code, p.name, p.qualification, p.qualification_level, p.intake_year"""
                        + from + where + " order by " + rank + "p.fgos_code, p.intake_year desc, c.code, p.id"
                        + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new ProgrammeSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7)))
                .list();
        return new Page<>(items, page, size, total);
    }
}
