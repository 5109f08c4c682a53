package ru.workready.data.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations that hold API keys. */
@Repository
public class OrganisationRepository {

    /**
     * An organisation; {@code college} is the college code for a college organisation, {@code region} the region (official
     * name) a REGION organisation is bound to (null: any region).
     */
    public record Organisation(long id, String code, String name, OrganisationKind kind, @Nullable String college,
                               @Nullable String region, OffsetDateTime createdAt) {
    }

    private static final String SELECT = """
            select o.id, o.code, o.name, o.kind, c.code, o.region, o.created_at
            from organisation o left join college c on c.id = o.college_id""";

    private final JdbcClient jdbc;

    public OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String code, String name, OrganisationKind kind, @Nullable Long collegeId) {
        return insert(code, name, kind, collegeId, null);
    }

    public long insert(String code, String name, OrganisationKind kind, @Nullable Long collegeId,
                       @Nullable String region) {
        return jdbc.sql("insert into organisation (code, name, kind, college_id, region) values (?, ?, ?, ?, ?) "
                        + "returning id")
                .params(code, name, kind.name(), collegeId, region).query(Long.class).single();
    }

    public Optional<Organisation> find(String code) {
        return jdbc.sql(SELECT + " where o.code = ?").param(code).query(OrganisationRepository::map).optional();
    }

    public List<Organisation> list() {
        return jdbc.sql(SELECT + " order by o.code").query(OrganisationRepository::map).list();
    }

    private static Organisation map(ResultSet rs, int n) throws SQLException {
        return new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), OrganisationKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }
}
