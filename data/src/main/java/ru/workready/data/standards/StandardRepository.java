package ru.workready.data.standards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionElement;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

/** Editions of professional standards with their ОТФ, ТФ and ТФ elements. */
@Repository
public class StandardRepository {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public StandardRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Long> findEdition(String code, String orderNumber, java.time.LocalDate approvalDate) {
        return jdbc.sql("select id from professional_standard where code = ? and order_number = ? and approval_date = ?")
                .params(code, orderNumber, approvalDate)
                .query(Long.class)
                .optional();
    }

    public Optional<String> contentHash(long id) {
        return jdbc.sql("select content_hash from professional_standard where id = ?").param(id)
                .query(String.class).optional();
    }

    /** Inserts a new edition and re-marks the newest edition of its code as current. */
    public long insert(ProfessionalStandard s, String contentHash) {
        long id = jdbc.sql("""
                        insert into professional_standard
                            (code, name, registration_number, order_number, approval_date, activity_kind, content_hash)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(s.code(), s.name(), s.registrationNumber(), s.orderNumber(), s.approvalDate(),
                        s.activityKind(), contentHash)
                .query(Long.class).single();
        List<Object[]> elements = new ArrayList<>();
        for (GeneralizedFunction g : s.generalizedFunctions()) {
            long gfId = jdbc.sql("""
                            insert into generalized_function (standard_id, code, name, qualification_level, job_titles)
                            values (?, ?, ?, ?, ?) returning id""")
                    .params(id, g.code(), g.name(), g.qualificationLevel(), g.jobTitles().toArray(String[]::new))
                    .query(Long.class).single();
            for (LabourFunction f : g.functions()) {
                long tfId = jdbc.sql("""
                                insert into labour_function (standard_id, generalized_function_id, code, name, sub_level)
                                values (?, ?, ?, ?, ?) returning id""")
                        .params(id, gfId, f.code(), f.name(), f.subLevel())
                        .query(Long.class).single();
                for (FunctionElement e : f.elements()) {
                    elements.add(new Object[] {tfId, e.kind().name(), e.position(), e.text()});
                }
            }
        }
        template.batchUpdate("insert into function_element (labour_function_id, kind, position, text) values (?, ?, ?, ?)",
                elements);
        jdbc.sql("""
                        update professional_standard set is_current = (id = (
                            select id from professional_standard where code = ?
                            order by approval_date desc, id desc limit 1))
                        where code = ?""")
                .params(s.code(), s.code()).update();
        return id;
    }

    public List<StandardSummary> list() {
        return jdbc.sql("""
                        select s.id, s.code, s.name, s.registration_number, s.order_number, s.approval_date, s.is_current,
                               (select count(*) from generalized_function g where g.standard_id = s.id) as gf,
                               (select count(*) from labour_function f where f.standard_id = s.id) as tf
                        from professional_standard s order by s.code, s.approval_date desc""")
                .query((rs, n) -> new StandardSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("registration_number"), rs.getString("order_number"),
                        rs.getObject("approval_date", java.time.LocalDate.class), rs.getBoolean("is_current"),
                        rs.getInt("gf"), rs.getInt("tf")))
                .list();
    }

    public Optional<StandardSummary> summary(long id) {
        return list().stream().filter(s -> s.id() == id).findFirst();
    }

    /** The current edition of a standard by its code (e.g. 06.001). */
    public Optional<Long> currentEdition(String code) {
        return jdbc.sql("select id from professional_standard where code = ? and is_current").param(code)
                .query(Long.class).optional();
    }

    /** Ids of a standard's labour functions by their (normalized) code. */
    public Map<String, Long> functionIds(long standardId) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("select code, id from labour_function where standard_id = ? order by code").param(standardId)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    /** Loads a whole edition; elements are included when asked for. */
    public Optional<ProfessionalStandard> load(long id, boolean withElements) {
        record Header(String code, String name, String reg, String order, java.time.LocalDate date, String kind) {
        }
        Optional<Header> header = jdbc.sql("""
                        select code, name, registration_number, order_number, approval_date, activity_kind
                        from professional_standard where id = ?""").param(id)
                .query((rs, n) -> new Header(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class), rs.getString(6)))
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<FunctionElement>> elements = new LinkedHashMap<>();
        if (withElements) {
            jdbc.sql("""
                            select e.labour_function_id, e.kind, e.position, e.text from function_element e
                            join labour_function f on f.id = e.labour_function_id
                            where f.standard_id = ? order by e.labour_function_id, e.kind, e.position""").param(id)
                    .query(rs -> {
                        elements.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new FunctionElement(ElementKind.valueOf(rs.getString(2)), rs.getInt(3),
                                        rs.getString(4)));
                    });
        }
        Map<Long, List<LabourFunction>> functions = new LinkedHashMap<>();
        jdbc.sql("select id, generalized_function_id, code, name, sub_level from labour_function where standard_id = ? order by code")
                .param(id)
                .query(rs -> {
                    functions.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new LabourFunction(rs.getString(3), rs.getString(4), rs.getInt(5),
                                    elements.getOrDefault(rs.getLong(1), List.of())));
                });
        List<GeneralizedFunction> gfs = jdbc.sql("""
                        select id, code, name, qualification_level, job_titles from generalized_function
                        where standard_id = ? order by code""").param(id)
                .query((rs, n) -> new GeneralizedFunction(rs.getString(2), rs.getString(3), rs.getInt(4),
                        List.of((String[]) rs.getArray(5).getArray()),
                        functions.getOrDefault(rs.getLong(1), List.of())))
                .list();
        Header h = header.get();
        return Optional.of(new ProfessionalStandard(h.code(), h.name(), h.reg(), h.order(), h.date(), h.kind(), gfs));
    }
}
