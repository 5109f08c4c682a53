package ru.workready.data.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys as stored: a hash and a display prefix, never the secret. */
@Repository
public class ApiKeyRepository {

    /**
     * A key with its organisation; {@code college} is set for keys of a college organisation; {@code region} is the
     * region whose planning the key may touch: a bound REGION organisation's region, a college organisation's college's
     * region; null for any region (an unbound REGION organisation, the operator).
     */
    public record StoredKey(long id, String organisation, OrganisationKind organisationKind, @Nullable String college,
                            @Nullable String region, Role role, String name, String prefix,
                            @Nullable Integer requestsPerMinute, OffsetDateTime createdAt,
                            @Nullable OffsetDateTime expiresAt, @Nullable OffsetDateTime revokedAt) {
        public boolean usableAt(OffsetDateTime now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private static final String SELECT = """
            select k.id, o.code, o.kind, c.code, k.role, k.name, k.prefix, k.requests_per_minute, k.created_at,
                   k.expires_at, k.revoked_at, coalesce(o.region, c.region)
            from api_key k join organisation o on o.id = k.organisation_id left join college c on c.id = o.college_id""";

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    public ApiKeyRepository(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long insert(long organisationId, Role role, String name, String prefix, String hash,
                       @Nullable Integer requestsPerMinute, @Nullable Long createdBy, @Nullable OffsetDateTime expiresAt) {
        return jdbc.sql("""
                        insert into api_key (organisation_id, role, name, prefix, key_hash, requests_per_minute,
                                             created_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(organisationId, role.name(), name, prefix, hash, requestsPerMinute, createdBy, expiresAt)
                .query(Long.class).single();
    }

    public Optional<StoredKey> byHash(String hash) {
        return jdbc.sql(SELECT + " where k.key_hash = ?").param(hash).query(ApiKeyRepository::map).optional();
    }

    public Optional<StoredKey> find(long id) {
        return jdbc.sql(SELECT + " where k.id = ?").param(id).query(ApiKeyRepository::map).optional();
    }

    /** Keys of one organisation, or of all when {@code organisation} is null; newest first. */
    public List<StoredKey> list(@Nullable String organisation) {
        return jdbc.sql(SELECT + " where (cast(? as text) is null or o.code = ?) order by k.id desc")
                .params(organisation, organisation).query(ApiKeyRepository::map).list();
    }

    /** Replaces a key's display prefix (the configured admin key's, stored by earlier versions). */
    public void setPrefix(long id, String prefix) {
        jdbc.sql("update api_key set prefix = ? where id = ?").params(prefix, id).update();
    }

    /** Stamps the key revoked (the first revocation time is kept); false when there is no such key. */
    public boolean revoke(long id) {
        return jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, ?) where id = ?")
                .params(OffsetDateTime.now(clock), id).update() == 1;
    }

    public boolean anyUsableAdminKey() {
        return jdbc.sql("""
                        select exists (select 1 from api_key where role = 'ADMIN' and revoked_at is null
                                       and (expires_at is null or expires_at > ?))""")
                .param(OffsetDateTime.now(clock)).query(Boolean.class).single();
    }

    private static StoredKey map(ResultSet rs, int n) throws SQLException {
        return new StoredKey(rs.getLong(1), rs.getString(2), OrganisationKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(12), Role.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getObject(8, Integer.class),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class));
    }
}
