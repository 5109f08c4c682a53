package ru.workready.data.colleges;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RegionRepository {
    private final JdbcClient jdbc;

    public RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Region> list() {
        return jdbc.sql("select code, name, reference, demo from region order by reference desc, code")
                .query(Region.class).list();
    }

    /** A region by its code or its exact official name (case and surrounding spaces ignored). */
    public Optional<Region> resolve(String codeOrName) {
        String v = codeOrName.strip();
        return jdbc.sql("""
                        select code, name, reference, demo from region
                        where code = ? or lower(name) = lower(?) order by (code = ?) desc limit 1""")
                .params(v, v, v).query(Region.class).optional();
    }

    /** The official name of a known region, given by code or name. */
    public Optional<String> officialName(String codeOrName) {
        return resolve(codeOrName).map(Region::name);
    }

    /** The official name of the region given by code or name; anything else as given (it matches nothing). */
    public @Nullable String canonical(@Nullable String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return null;
        }
        return officialName(codeOrName).orElse(codeOrName.strip());
    }

    /**
     * The region of this name, added with a code derived from the name if new (as the migration did for the regions
     * in use before the list): for colleges registered outside the API (tests, benchmarks).
     */
    public Region ensureNamed(String name) {
        jdbc.sql("insert into region (code, name) values ('R-' || left(md5(?), 10), ?) on conflict do nothing")
                .params(name, name).update();
        return resolve(name).orElseThrow();
    }

    /** The region of this name, added (not as reference data) if it is new: for the demo and tests' own regions. */
    public Region ensure(String code, String name, boolean demo) {
        jdbc.sql("insert into region (code, name, demo) values (?, ?, ?) on conflict do nothing")
                .params(code, name, demo).update();
        return resolve(name).orElseThrow();
    }
}
