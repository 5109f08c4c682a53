package ru.workready.data.employers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.engine.employers.ProfileFunction;
import ru.workready.engine.scoring.ReadinessLevel;

/** Employers (работодатели) and their job profiles (профили должностей). */
@Repository
public class EmployerRepository {

    public record Employer(long id, String code, String name, String region) {
    }

    /** A labour function (ТФ) of a stored standard edition, as a profile refers to it. */
    public record FunctionRef(long id, long standardId, String standardCode, String orderNumber, String code,
                              String name, String generalizedCode, int qualificationLevel) {
    }

    /** One ТФ of a profile with the employer's weighting. */
    public record ProfileEntry(FunctionRef function, int importance, boolean mustHave,
                               @Nullable ReadinessLevel minLevel) {
        public ProfileFunction toEngine() {
            return new ProfileFunction(function.id(), function.standardCode(), function.code(), importance, mustHave,
                    minLevel);
        }
    }

    public record JobProfile(long id, Employer employer, String code, String name, List<ProfileEntry> functions) {
        public List<ProfileFunction> engineFunctions() {
            return functions.stream().map(ProfileEntry::toEngine).toList();
        }
    }

    private static final String FUNCTION_SELECT = """
            select f.id, s.id, s.code, s.order_number, f.code, f.name, g.code, g.qualification_level
            from labour_function f join professional_standard s on s.id = f.standard_id
            join generalized_function g on g.id = f.generalized_function_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public EmployerRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Employer insertEmployer(String code, String name, String region) {
        long id = jdbc.sql("insert into employer (code, name, region) values (?, ?, ?) returning id")
                .params(code, name, region).query(Long.class).single();
        return new Employer(id, code, name, region);
    }

    public Optional<Employer> employer(String code) {
        return jdbc.sql("select id, code, name, region from employer where code = ?").param(code)
                .query((rs, n) -> new Employer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public List<Employer> employers() {
        return jdbc.sql("select id, code, name, region from employer order by code")
                .query((rs, n) -> new Employer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A ТФ of the current edition of a standard (code normalized by the caller). */
    public Optional<FunctionRef> currentFunction(String standardCode, String functionCode) {
        return jdbc.sql(FUNCTION_SELECT + " where s.code = ? and s.is_current and f.code = ?")
                .params(standardCode, functionCode).query(this::mapFunction).optional();
    }

    /** The ТФ of one ОТФ of the current edition of a standard. */
    public List<FunctionRef> functionsOfGeneralized(String standardCode, String generalizedCode) {
        return jdbc.sql(FUNCTION_SELECT + " where s.code = ? and s.is_current and g.code = ? order by f.code")
                .params(standardCode, generalizedCode).query(this::mapFunction).list();
    }

    /** The ТФ of every ОТФ at a qualification level of the current edition of a standard. */
    public List<FunctionRef> functionsAtLevel(String standardCode, int qualificationLevel) {
        return jdbc.sql(FUNCTION_SELECT + " where s.code = ? and s.is_current and g.qualification_level = ? order by f.code")
                .params(standardCode, qualificationLevel).query(this::mapFunction).list();
    }

    /** The id of an ОТФ of the current edition of a standard. */
    public Optional<Long> currentGeneralizedFunction(String standardCode, String generalizedCode) {
        return jdbc.sql("""
                        select g.id from generalized_function g join professional_standard s on s.id = g.standard_id
                        where s.code = ? and s.is_current and g.code = ?""")
                .params(standardCode, generalizedCode).query(Long.class).optional();
    }

    public List<FunctionRef> functionsOfGeneralized(long generalizedFunctionId) {
        return jdbc.sql(FUNCTION_SELECT + " where g.id = ? order by f.code").param(generalizedFunctionId)
                .query(this::mapFunction).list();
    }

    public Optional<FunctionRef> function(long id) {
        return jdbc.sql(FUNCTION_SELECT + " where f.id = ?").param(id).query(this::mapFunction).optional();
    }

    @Transactional
    public long insertProfile(long employerId, String code, String name, List<ProfileEntry> functions) {
        long id = jdbc.sql("insert into job_profile (employer_id, code, name) values (?, ?, ?) returning id")
                .params(employerId, code, name).query(Long.class).single();
        insertFunctions(id, functions);
        return id;
    }

    /** Replaces a profile's name and functions (an edit keeps the profile's id, so its demand stays). */
    @Transactional
    public void replaceProfile(long profileId, String name, List<ProfileEntry> functions) {
        jdbc.sql("update job_profile set name = ?, updated_at = now() where id = ?").params(name, profileId).update();
        jdbc.sql("delete from job_profile_function where profile_id = ?").param(profileId).update();
        insertFunctions(profileId, functions);
    }

    private void insertFunctions(long profileId, List<ProfileEntry> functions) {
        template.batchUpdate("""
                        insert into job_profile_function (profile_id, labour_function_id, importance, must_have, min_level)
                        values (?, ?, ?, ?, ?)""",
                functions.stream().map(f -> new Object[] {profileId, f.function().id(), f.importance(), f.mustHave(),
                        f.minLevel() == null ? null : f.minLevel().name()}).toList());
    }

    public List<JobProfile> profiles(Employer employer) {
        return profiles("jp.employer_id = ?", employer.id());
    }

    public Optional<JobProfile> profile(Employer employer, String code) {
        return profiles("jp.employer_id = ? and jp.code = ?", employer.id(), code).stream().findFirst();
    }

    public Optional<JobProfile> profile(long id) {
        return profiles("jp.id = ?", id).stream().findFirst();
    }

    /** The profiles matching a condition on job_profile jp, by code, with their functions: two queries in all. */
    private List<JobProfile> profiles(String where, Object... params) {
        record Head(long id, Employer employer, String code, String name) {
        }
        List<Head> heads = jdbc.sql("""
                        select jp.id, jp.code, jp.name, e.id, e.code, e.name, e.region
                        from job_profile jp join employer e on e.id = jp.employer_id
                        where %s order by jp.code""".formatted(where))
                .params(params)
                .query((rs, n) -> new Head(rs.getLong(1), new Employer(rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)), rs.getString(2), rs.getString(3)))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Long, ProfileEntry>> entries = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.id, s.id, s.code, s.order_number, f.code, f.name, g.code, g.qualification_level,
                               pf.importance, pf.must_have, pf.min_level, pf.profile_id
                        from job_profile_function pf join labour_function f on f.id = pf.labour_function_id
                        join professional_standard s on s.id = f.standard_id
                        join generalized_function g on g.id = f.generalized_function_id
                        where pf.profile_id = any(?) order by s.code, f.code""")
                .param(heads.stream().map(Head::id).toArray(Long[]::new))
                .query(rs -> {
                    String min = rs.getString(11);
                    entries.computeIfAbsent(rs.getLong(12), k -> new LinkedHashMap<>()).put(rs.getLong(1),
                            new ProfileEntry(mapFunction(rs, 0), rs.getInt(9), rs.getBoolean(10),
                                    min == null ? null : ReadinessLevel.valueOf(min)));
                });
        return heads.stream().map(h -> new JobProfile(h.id(), h.employer(), h.code(), h.name(),
                List.copyOf(entries.getOrDefault(h.id(), Map.of()).values()))).toList();
    }

    private FunctionRef mapFunction(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FunctionRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8));
    }
}
