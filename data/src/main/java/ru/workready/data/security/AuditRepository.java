package ru.workready.data.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log: append-only (a trigger refuses updates, deletes and truncation). */
@Repository
public class AuditRepository {

    /** Who ({@code keyId}, organisation, role) did what to which subject, through which request, when. */
    /** Role of events with no key behind them (e.g. a client address throttled for bad keys); read back as null. */
    static final String NO_ROLE = "NONE";

    /** @param role null for events with no key behind them */
    public record AuditEvent(long id, OffsetDateTime at, @Nullable Long keyId, String organisation, @Nullable Role role,
                             String action, String subjectKind, String subjectId, String method, String path,
                             int status) {
    }

    /** Filters of the admin's audit query; null means any. */
    public record Query(@Nullable String subjectKind, @Nullable String subjectId, @Nullable String organisation,
                        @Nullable Long keyId, @Nullable OffsetDateTime from, @Nullable OffsetDateTime to, int limit) {
    }

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(@Nullable Long keyId, String organisation, Role role, String action, String subjectKind,
                       String subjectId, String method, String path, int status) {
        jdbc.sql("""
                        insert into audit_event (key_id, organisation_code, role, action, subject_kind, subject_id,
                                                 http_method, path, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(keyId, organisation, role.name(), action, subjectKind, subjectId, method, path, status)
                .update();
    }

    /** An event with no key behind it: refusals of a client before any key is accepted. */
    public void appendUnauthenticated(String action, String subjectKind, String subjectId, String method, String path,
                                      int status) {
        jdbc.sql("""
                        insert into audit_event (key_id, organisation_code, role, action, subject_kind, subject_id,
                                                 http_method, path, status)
                        values (null, '', ?, ?, ?, ?, ?, ?, ?)""")
                .params(NO_ROLE, action, subjectKind, subjectId, method, path, status)
                .update();
    }

    /** Matching events, newest first. */
    public List<AuditEvent> query(Query q) {
        return jdbc.sql("""
                        select id, at, key_id, organisation_code, role, action, subject_kind, subject_id, http_method,
                               path, status
                        from audit_event
                        where (cast(? as text) is null or subject_kind = ?)
                          and (cast(? as text) is null or subject_id = ?)
                          and (cast(? as text) is null or organisation_code = ?)
                          and (cast(? as bigint) is null or key_id = ?)
                          and (cast(? as timestamptz) is null or at >= ?)
                          and (cast(? as timestamptz) is null or at < ?)
                        order by id desc
                        limit ?""")
                .params(q.subjectKind(), q.subjectKind(), q.subjectId(), q.subjectId(), q.organisation(),
                        q.organisation(), q.keyId(), q.keyId(), q.from(), q.from(), q.to(), q.to(), q.limit())
                .query(AuditRepository::map).list();
    }

    private static AuditEvent map(ResultSet rs, int n) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, Long.class),
                rs.getString(4), NO_ROLE.equals(rs.getString(5)) ? null : Role.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getInt(11));
    }
}
