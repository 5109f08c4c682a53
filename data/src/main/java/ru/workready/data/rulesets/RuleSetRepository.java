package ru.workready.data.rulesets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule-set versions (DRL files + parameters + test cases, as JSON) and their activations. The
 * active version of a scope is its latest activation; earlier activations are the rollback history.
 */
@Repository
public class RuleSetRepository {

    /** Where a rule set applies: the default, a region, or one college. */
    public enum ScopeKind { DEFAULT, REGION, COLLEGE }

    public record Scope(ScopeKind kind, String code) {
        public static final Scope DEFAULT = new Scope(ScopeKind.DEFAULT, "");

        @Override
        public String toString() {
            return kind == ScopeKind.DEFAULT ? "DEFAULT" : kind + ":" + code;
        }
    }

    /** A stored version; drl maps file names to DRL text; testCases is the raw JSON array. */
    public record StoredVersion(long id, String name, int version, @Nullable String description, String source,
                                @Nullable String kbase, Map<String, String> drl, Map<String, Double> parameters,
                                JsonNode testCases, OffsetDateTime createdAt) {
        public String label() {
            return name + "-" + version;
        }
    }

    /** An activation; versionId and label are null when it removed the scope's own rule set. */
    public record Activation(long id, Scope scope, @Nullable Long versionId, @Nullable String label,
                             OffsetDateTime activatedAt) {
    }

    /**
     * A decision table of a version: the uploaded file (kept byte for byte), the sheet its rules were read
     * from (XLSX/XLS), how many rules it generated, and the name under which its generated DRL is stored in
     * the version's drl map.
     */
    public record StoredTable(String fileName, String format, @Nullable String sheet, String drlFile, int rules,
                              long size, String sha256) {
    }

    /** A decision table to store with a new version. */
    public record NewTable(String fileName, String format, @Nullable String sheet, String drlFile, int rules,
                           byte[] content) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final java.time.Clock clock;

    public RuleSetRepository(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a new version of the named rule set, numbered one past the latest; returns it. */
    @Transactional
    public StoredVersion insert(String name, @Nullable String description, String source, @Nullable String kbase,
                                Map<String, String> drl, Map<String, Double> parameters, JsonNode testCases) {
        return insert(name, description, source, kbase, drl, parameters, testCases, List.of());
    }

    /** Stores a new version with its decision tables in one transaction; returns it. */
    @Transactional
    public StoredVersion insert(String name, @Nullable String description, String source, @Nullable String kbase,
                                Map<String, String> drl, Map<String, Double> parameters, JsonNode testCases,
                                List<NewTable> tables) {
        // serializes concurrent uploads of one name so that version numbers stay dense and unique
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("rule-set:" + name).query().singleRow();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from rule_set_version where name = ?").param(name)
                .query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into rule_set_version (name, version, description, source, kbase, drl, parameters, test_cases)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb) returning id""")
                .params(name, next, description, source, kbase, json.writeValueAsString(drl),
                        json.writeValueAsString(parameters), json.writeValueAsString(testCases))
                .query(Long.class).single();
        for (NewTable t : tables) {
            jdbc.sql("""
                            insert into rule_set_table (rule_set_version_id, file_name, format, sheet, drl_file, rules,
                                                        content, sha256)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, t.fileName(), t.format(), t.sheet(), t.drlFile(), t.rules(), t.content(),
                            sha256(t.content()))
                    .update();
        }
        return find(id).orElseThrow();
    }

    /** The decision tables of a version, by file name. */
    public List<StoredTable> tables(long versionId) {
        return jdbc.sql("""
                        select file_name, format, sheet, drl_file, rules, octet_length(content), sha256
                        from rule_set_table where rule_set_version_id = ? order by file_name """)
                .param(versionId)
                .query((rs, n) -> new StoredTable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), rs.getString(7)))
                .list();
    }

    /** The bytes of one decision table exactly as they were uploaded. */
    public Optional<byte[]> tableContent(long versionId, String fileName) {
        return jdbc.sql("select content from rule_set_table where rule_set_version_id = ? and file_name = ?")
                .params(versionId, fileName).query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a shipped rule set as version 1 unless it is there already (safe to call from several nodes). */
    public void insertShipped(String name, @Nullable String description, String kbase, Map<String, String> drl,
                              Map<String, Double> parameters, JsonNode testCases) {
        jdbc.sql("""
                        insert into rule_set_version (name, version, description, source, kbase, drl, parameters, test_cases)
                        values (?, 1, ?, 'SHIPPED', ?, ?::jsonb, ?::jsonb, ?::jsonb) on conflict (name, version) do nothing""")
                .params(name, description, kbase, json.writeValueAsString(drl), json.writeValueAsString(parameters),
                        json.writeValueAsString(testCases))
                .update();
    }

    private static final String SELECT = """
            select id, name, version, description, source, kbase, drl::text, parameters::text, test_cases::text,
                   created_at from rule_set_version""";

    public Optional<StoredVersion> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    public Optional<StoredVersion> find(String name, int version) {
        return jdbc.sql(SELECT + " where name = ? and version = ?").params(name, version).query(this::map).optional();
    }

    public List<StoredVersion> all() {
        return jdbc.sql(SELECT + " order by name, version").query(this::map).list();
    }

    @Transactional
    public void activate(Scope scope, @Nullable Long versionId) {
        // activated_at by the application's clock: "the version active on a day" reads the same time as everything else
        jdbc.sql("""
                        insert into rule_set_activation (scope_kind, scope_code, rule_set_version_id, activated_at)
                        values (?, ?, ?, ?)""")
                .params(scope.kind().name(), scope.code(), versionId,
                        OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)).update();
    }

    /**
     * The scope's activation in force just before {@code before}: the latest one activated earlier (its version is
     * null when it removed the scope's own rule set); empty when the scope had none yet.
     */
    public Optional<Activation> activeBefore(Scope scope, java.time.Instant before) {
        return jdbc.sql("""
                        select a.id, a.scope_kind, a.scope_code, a.rule_set_version_id, v.name || '-' || v.version,
                               a.activated_at
                        from rule_set_activation a left join rule_set_version v on v.id = a.rule_set_version_id
                        where a.scope_kind = ? and a.scope_code = ? and a.activated_at < ?
                        order by a.id desc limit 1""")
                .params(scope.kind().name(), scope.code(), OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
                .query(this::activation).optional();
    }

    /** The latest activation of every scope. */
    public List<Activation> activeByScope() {
        return jdbc.sql("""
                        select * from (
                            select distinct on (a.scope_kind, a.scope_code) a.id, a.scope_kind, a.scope_code,
                                   a.rule_set_version_id, v.name || '-' || v.version, a.activated_at
                            from rule_set_activation a left join rule_set_version v on v.id = a.rule_set_version_id
                            order by a.scope_kind, a.scope_code, a.id desc) latest
                        where rule_set_version_id is not null""")
                .query(this::activation).list();
    }

    /** Activations of one scope, newest first. */
    public List<Activation> history(Scope scope) {
        return jdbc.sql("""
                        select a.id, a.scope_kind, a.scope_code, a.rule_set_version_id, v.name || '-' || v.version,
                               a.activated_at
                        from rule_set_activation a left join rule_set_version v on v.id = a.rule_set_version_id
                        where a.scope_kind = ? and a.scope_code = ? order by a.id desc""")
                .params(scope.kind().name(), scope.code()).query(this::activation).list();
    }

    /** The id of the latest activation anywhere: a change means some scope changed (on any node). */
    public long lastActivationId() {
        return jdbc.sql("select coalesce(max(id), 0) from rule_set_activation").query(Long.class).single();
    }

    public Optional<String> collegeRegion(String collegeCode) {
        return jdbc.sql("select region from college where code = ?").param(collegeCode).query(String.class).optional();
    }

    public boolean regionExists(String region) {
        return jdbc.sql("select exists (select 1 from college where region = ?)").param(region)
                .query(Boolean.class).single();
    }

    private Activation activation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Activation(rs.getLong(1), new Scope(ScopeKind.valueOf(rs.getString(2)), rs.getString(3)),
                rs.getObject(4, Long.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class));
    }

    @SuppressWarnings("unchecked")
    private StoredVersion map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, String> drl = json.readValue(rs.getString(7), Map.class);
        Map<String, Object> raw = json.readValue(rs.getString(8), Map.class);
        Map<String, Double> parameters = new java.util.TreeMap<>();
        raw.forEach((k, v) -> parameters.put(k, ((Number) v).doubleValue()));
        return new StoredVersion(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), drl, parameters, json.readTree(rs.getString(9)),
                rs.getObject(10, OffsetDateTime.class));
    }
}
