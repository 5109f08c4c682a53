package ru.workready.data.colleges;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.data.Page;

@Repository
public class CollegeRepository {
    private static final String SELECT = """
            select c.code, c.name, c.short_name, coalesce(r.code, '') as region_code, c.region, c.inn, c.address,
                   c.demo, (select count(*) from student s where s.college_id = c.id) as students,
                   (select count(*) from programme p where p.college_id = c.id) as programmes
            from college c left join region r on r.name = c.region""";

    private final JdbcClient jdbc;

    public CollegeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<College> find(String code) {
        return jdbc.sql(SELECT + " where c.code = ?").param(code).query(College.class).optional();
    }

    public Page<College> search(@Nullable String regionName, @Nullable String q, int page, int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (regionName != null) {
            where.append(" and c.region = :region");
            params.put("region", regionName);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (c.code ilike :q or c.name ilike :q or c.short_name ilike :q)");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from college c" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<College> items = jdbc.sql(SELECT + where + " order by c.code limit :limit offset :offset").params(params)
                .query(College.class).list();
        return new Page<>(items, page, size, total);
    }

    public long insert(String code, String name, @Nullable String shortName, String region, @Nullable String inn,
                       @Nullable String address, boolean demo) {
        return jdbc.sql("""
                        insert into college (code, name, short_name, region, inn, address, demo)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(code, name, shortName, region, inn, address, demo).query(Long.class).single();
    }

    public void update(String code, String name, @Nullable String shortName, String region, @Nullable String inn,
                       @Nullable String address) {
        jdbc.sql("update college set name = ?, short_name = ?, region = ?, inn = ?, address = ? where code = ?")
                .params(name, shortName, region, inn, address, code).update();
    }

    /** What still refers to the college, by kind (students, programmes, uploads, organisations): empty if nothing. */
    public Map<String, Long> dependents(String code) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.sql("""
                        select 'students', (select count(*) from student s where s.college_id = c.id)
                        from college c where c.code = :code
                        union all select 'programmes', (select count(*) from programme p where p.college_id = c.id)
                        from college c where c.code = :code
                        union all select 'uploads', (select count(*) from upload u where u.college_id = c.id)
                        from college c where c.code = :code
                        union all select 'organisations', (select count(*) from organisation o where o.college_id = c.id)
                        from college c where c.code = :code""")
                .param("code", code)
                .query((rs, n) -> result.put(rs.getString(1), rs.getLong(2))).list();
        result.values().removeIf(v -> v == 0);
        return result;
    }

    public boolean delete(String code) {
        return jdbc.sql("delete from college where code = ?").param(code).update() == 1;
    }
}
