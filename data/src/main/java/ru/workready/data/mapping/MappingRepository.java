package ru.workready.data.mapping;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.mapping.MappingType;

/** Versioned mapping sets from a programme's outcomes to the functions of one standard edition. */
@Repository
public class MappingRepository {

    /** A mapping row resolved to ids, ready to store. */
    public record ResolvedMapping(long outcomeId, long labourFunctionId, MappingType type, double weight,
                                  boolean critical) {
    }

    /** The active mapping of a programme to a standard edition. */
    public record ActiveMapping(long mappingSetId, int version, long standardId, List<Mapping> mappings) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public MappingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores a new version of the programme's mapping to the standard and makes it the active one. */
    @Transactional
    public long insertVersion(long programmeId, long standardId, String author, List<ResolvedMapping> rows) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from mapping_set where programme_id = ? and standard_id = ?")
                .params(programmeId, standardId).query(Integer.class).single();
        jdbc.sql("update mapping_set set is_active = false where programme_id = ? and standard_id = ?")
                .params(programmeId, standardId).update();
        long setId = jdbc.sql("""
                        insert into mapping_set (programme_id, standard_id, version, author) values (?, ?, ?, ?)
                        returning id""")
                .params(programmeId, standardId, version, author).query(Long.class).single();
        template.batchUpdate("""
                        insert into mapping (mapping_set_id, outcome_id, labour_function_id, type, weight, critical)
                        values (?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {setId, r.outcomeId(), r.labourFunctionId(), r.type().name(),
                        r.weight(), r.critical()}).toList());
        return setId;
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
        return set.map(s -> new ActiveMapping(s[0], (int) s[1], s[2], jdbc.sql("""
                        select o.code, f.code, m.type, m.weight, m.critical from mapping m
                        join outcome o on o.id = m.outcome_id
                        join labour_function f on f.id = m.labour_function_id
                        where m.mapping_set_id = ? order by m.id""").param(s[0])
                .query((rs, n) -> new Mapping(rs.getString(1), rs.getString(2), MappingType.valueOf(rs.getString(3)),
                        rs.getDouble(4), rs.getBoolean(5)))
                .list()));
    }

    /** Codes of the standards a programme has an active mapping to. */
    public List<String> mappedStandardCodes(long programmeId) {
        return jdbc.sql("""
                        select distinct s.code from mapping_set ms join professional_standard s on s.id = ms.standard_id
                        where ms.programme_id = ? and ms.is_active order by 1""")
                .param(programmeId).query(String.class).list();
    }
}
