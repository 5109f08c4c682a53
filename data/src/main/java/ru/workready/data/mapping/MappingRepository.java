package ru.workready.data.mapping;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.Locks;
import ru.workready.data.Page;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.mapping.MappingType;

/** Versioned mapping sets from a programme's outcomes to the functions of one standard edition. */
@Repository
public class MappingRepository {

    /** A mapping row resolved to ids, ready to store. */
    public record ResolvedMapping(long outcomeId, long labourFunctionId, @Nullable Long elementId, MappingType type,
                                  double weight, boolean critical) {
        public ResolvedMapping(long outcomeId, long labourFunctionId, MappingType type, double weight,
                               boolean critical) {
            this(outcomeId, labourFunctionId, null, type, weight, critical);
        }
    }

    /** One version of a programme's mapping to a standard edition: who made it, when, and whether it is in use. */
    public record MappingSetSummary(long id, long programmeId, long standardId, String standardCode,
                                    String standardOrderNumber, java.time.LocalDate standardApprovalDate, int version,
                                    String author, OffsetDateTime createdAt, boolean active, int mappings) {
    }

    /**
     * One mapping as in the CSV file: outcome code → function code, optionally one element of the
     * function by its stable key (LA1, RS2, NK3), with type, weight and the critical flag.
     */
    public record MappingRow(long id, String outcomeCode, String outcomeName, String functionCode,
                             String functionName, @Nullable String elementKey, @Nullable Long elementId,
                             MappingType type, double weight, boolean critical) {
    }

    /** The active mapping of a programme to a standard edition. */
    public record ActiveMapping(long mappingSetId, int version, long standardId, List<Mapping> mappings) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final java.time.Clock clock;

    public MappingRepository(JdbcClient jdbc, JdbcTemplate template, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /**
     * Holds, until the transaction ends, the lock on the mapping versions of the programme to the
     * standard: concurrent uploads take their turns instead of racing for the same version number.
     */
    public void lockVersions(long programmeId, long standardId) {
        Locks.lock(jdbc, "mapping_set", programmeId + "/" + standardId);
    }

    /** Stores a new version of the programme's mapping to the standard and makes it the active one. */
    @Transactional
    public long insertVersion(long programmeId, long standardId, String author, List<ResolvedMapping> rows) {
        return insertVersion(programmeId, standardId, author, rows, null, null);
    }

    /**
     * Stores a new active version with the reason for it and, when the college's answer to an expertise made it,
     * that expertise.
     */
    @Transactional
    public long insertVersion(long programmeId, long standardId, String author, List<ResolvedMapping> rows,
                              @Nullable String reason, @Nullable Long expertiseId) {
        lockVersions(programmeId, standardId);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from mapping_set where programme_id = ? and standard_id = ?")
                .params(programmeId, standardId).query(Integer.class).single();
        jdbc.sql("update mapping_set set is_active = false where programme_id = ? and standard_id = ?")
                .params(programmeId, standardId).update();
        long setId = jdbc.sql("""
                        insert into mapping_set (programme_id, standard_id, version, author, created_at, reason,
                                                 expertise_id)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(programmeId, standardId, version, author,
                        OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), reason, expertiseId)
                .query(Long.class).single();
        template.batchUpdate("""
                        insert into mapping (mapping_set_id, outcome_id, labour_function_id, element_id, type, weight,
                                             critical)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {setId, r.outcomeId(), r.labourFunctionId(), r.elementId(),
                        r.type().name(), r.weight(), r.critical()}).toList());
        return setId;
    }

    /** The rows of a mapping set resolved to ids, in a canonical order, to tell whether an upload changes anything. */
    public List<ResolvedMapping> resolvedRows(long mappingSetId) {
        return jdbc.sql("""
                        select outcome_id, labour_function_id, element_id, type, weight, critical from mapping
                        where mapping_set_id = ? order by outcome_id, labour_function_id, element_id nulls first""")
                .param(mappingSetId)
                .query((rs, n) -> new ResolvedMapping(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
                        MappingType.valueOf(rs.getString(4)), rs.getDouble(5), rs.getBoolean(6)))
                .list();
    }

    /** The rows of a mapping set resolved to ids, by mapping id, in file order. */
    public Map<Long, ResolvedMapping> resolvedRowsById(long mappingSetId) {
        Map<Long, ResolvedMapping> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, outcome_id, labour_function_id, element_id, type, weight, critical from mapping
                        where mapping_set_id = ? order by id""")
                .param(mappingSetId)
                .query((rs, n) -> rows.put(rs.getLong(1), new ResolvedMapping(rs.getLong(2), rs.getLong(3),
                        (Long) rs.getObject(4), MappingType.valueOf(rs.getString(5)), rs.getDouble(6),
                        rs.getBoolean(7))))
                .list();
        return rows;
    }

    /** The active set of a programme for one standard edition. */
    public Optional<MappingSetSummary> activeSet(long programmeId, long standardId) {
        return sets(programmeId, standardId, 0, 1, true).items().stream().findFirst();
    }

    public Optional<MappingSetSummary> set(long mappingSetId) {
        return jdbc.sql(SET_SQL + " where ms.id = ?").param(mappingSetId).query(MappingRepository::setSummary)
                .optional();
    }

    /** Versions of a programme's mappings, newest first; optionally for one standard edition only. */
    public Page<MappingSetSummary> sets(long programmeId, @Nullable Long standardId, int page, int size,
                                        boolean activeOnly) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" where ms.programme_id = :programme");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("programme", programmeId);
        if (standardId != null) {
            where.append(" and ms.standard_id = :standard");
            params.put("standard", standardId);
        }
        if (activeOnly) {
            where.append(" and ms.is_active");
        }
        long total = jdbc.sql("select count(*) from mapping_set ms" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<MappingSetSummary> items = jdbc.sql(SET_SQL + where
                        + " order by s.code, ms.version desc limit :limit offset :offset")
                .params(params).query(MappingRepository::setSummary).list();
        return new Page<>(items, page, size, total);
    }

    /**
     * The mappings of a set in file order; q filters by an outcome or function code prefix or by
     * words of the outcome's or the function's name (Russian stemming).
     */
    public Page<MappingRow> rows(long mappingSetId, @Nullable String q, int page, int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" where m.mapping_set_id = :set");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("set", mappingSetId);
        if (q != null && !q.isBlank()) {
            where.append(" ").append("""
                     and (o.search @@ websearch_to_tsquery('russian', :q) or f.search @@ websearch_to_tsquery('russian', :q)
                          or o.code like :prefix or f.code like :fprefix)""");
            params.put("q", q.strip());
            params.put("prefix", escape(ru.workready.engine.programmes.OutcomeCodes.normalize(q)) + "%");
            params.put("fprefix", escape(ru.workready.engine.standards.FunctionCodes.normalize(q)) + "%");
        }
        String from = """
                 from mapping m join outcome o on o.id = m.outcome_id
                 join labour_function f on f.id = m.labour_function_id
                 left join function_element e on e.id = m.element_id""";
        long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<MappingRow> items = jdbc.sql("""
                        select m.id, o.code, o.name, f.code, f.name, e.kind, e.position, e.id, m.type, m.weight, m.critical"""
                        + " " + from + where + " order by m.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new MappingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6) == null ? null
                        : ru.workready.engine.standards.ElementKind.valueOf(rs.getString(6)).key(rs.getInt(7)),
                        (Long) rs.getObject(8), MappingType.valueOf(rs.getString(9)), rs.getDouble(10),
                        rs.getBoolean(11)))
                .list();
        return new Page<>(items, page, size, total);
    }

    private static final String SET_SQL = """
            select ms.id, ms.programme_id, ms.standard_id, s.code, s.order_number, s.approval_date, ms.version, ms.author,
                   ms.created_at, ms.is_active, (select count(*) from mapping m where m.mapping_set_id = ms.id)
            from mapping_set ms join professional_standard s on s.id = ms.standard_id""";

    private static MappingSetSummary setSummary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MappingSetSummary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, java.time.LocalDate.class), rs.getInt(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getBoolean(10), rs.getInt(11));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The active mapping of a programme to any edition of the standard with this code, newest edition first. */
    public Optional<ActiveMapping> active(long programmeId, String standardCode) {
        Optional<long[]> set = jdbc.sql("""
                        select ms.id, ms.version, ms.standard_id from mapping_set ms
                        join professional_standard s on s.id = ms.standard_id
                        where ms.programme_id = ? and s.code = ? and ms.is_active
                        order by s.approval_date desc limit 1""")
                .params(programmeId, standardCode)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .optional();
        return set.map(this::withMappings);
    }

    /**
     * The mapping of a programme to the standard that was active just before {@code before}: of the newest edition
     * mapped by then, the latest version created by then (a new version replaces the active one when it is stored).
     */
    public Optional<ActiveMapping> activeBefore(long programmeId, String standardCode, java.time.Instant before) {
        return jdbc.sql("""
                        select ms.id, ms.version, ms.standard_id from mapping_set ms
                        join professional_standard s on s.id = ms.standard_id
                        where ms.programme_id = ? and s.code = ? and ms.created_at < ?
                        order by s.approval_date desc, ms.version desc limit 1""")
                .params(programmeId, standardCode, OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .optional().map(this::withMappings);
    }

    private ActiveMapping withMappings(long[] s) {
        return new ActiveMapping(s[0], (int) s[1], s[2], jdbc.sql("""
                        select o.code, f.code, m.type, m.weight, m.critical from mapping m
                        join outcome o on o.id = m.outcome_id
                        join labour_function f on f.id = m.labour_function_id
                        where m.mapping_set_id = ? order by m.id""").param(s[0])
                .query((rs, n) -> new Mapping(rs.getString(1), rs.getString(2), MappingType.valueOf(rs.getString(3)),
                        rs.getDouble(4), rs.getBoolean(5)))
                .list());
    }

    /** Codes of the standards a programme has an active mapping to. */
    public List<String> mappedStandardCodes(long programmeId) {
        return jdbc.sql("""
                        select distinct s.code from mapping_set ms join professional_standard s on s.id = ms.standard_id
                        where ms.programme_id = ? and ms.is_active order by 1""")
                .param(programmeId).query(String.class).list();
    }
}
