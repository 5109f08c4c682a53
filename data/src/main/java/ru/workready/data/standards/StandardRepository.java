package ru.workready.data.standards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.data.Page;
import ru.workready.engine.standards.ElementKind;
import tools.jackson.databind.json.JsonMapper;
import ru.workready.engine.standards.FunctionElement;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

/** Editions of professional standards with their ОТФ, ТФ and ТФ elements. */
@Repository
public class StandardRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A labour function found by a search, with the edition it belongs to. */
    public record FunctionHit(long id, long standardId, String standardCode, String orderNumber,
                              java.time.LocalDate approvalDate, boolean current, String generalizedFunctionCode,
                              String code, String name, int subLevel) {
    }

    /** A labour function element with its row id and its stable key (LA1, RS2, NK3) within the function. */
    public record ElementRow(long id, String key, ElementKind kind, int position, String text) {
    }

    /** A labour function with its addressable elements. */
    public record FunctionDetail(FunctionHit function, List<ElementRow> elements) {
    }

    /** An element found by a search of its text. */
    public record ElementHit(long id, String key, ElementKind kind, String text, FunctionHit function) {
    }

    /** An active mapping set pointing at an edition, to be reviewed when a new edition arrives. */
    public record MappingSetRef(long mappingSetId, long programmeId, int version) {
    }

    /** An edition with its ОТФ and ТФ counts, as listed and searched. */
    static final String SUMMARY = """
            select s.id, s.code, s.name, s.registration_number, s.order_number, s.approval_date, s.is_current,
                   (select count(*) from generalized_function g where g.standard_id = s.id) as gf,
                   (select count(*) from labour_function f where f.standard_id = s.id) as tf
            from professional_standard s""";

    static final String FUNCTION_HIT = """
            select f.id, s.id, s.code, s.order_number, s.approval_date, s.is_current, g.code, f.code, f.name, f.sub_level
            from labour_function f join professional_standard s on s.id = f.standard_id
            join generalized_function g on g.id = f.generalized_function_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final StandardSearches searches;
    private final StandardEditionLoader editions;

    public StandardRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.searches = new StandardSearches(jdbc);
        this.editions = new StandardEditionLoader(jdbc);
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
                            (code, name, registration_number, order_number, approval_date, activity_kind, content_hash,
                             details)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id""")
                .params(s.code(), s.name(), s.registrationNumber(), s.orderNumber(), s.approvalDate(),
                        s.activityKind(), contentHash, JSON.writeValueAsString(s.details()))
                .query(Long.class).single();
        List<Object[]> elements = new ArrayList<>();
        for (GeneralizedFunction g : s.generalizedFunctions()) {
            long gfId = jdbc.sql("""
                            insert into generalized_function (standard_id, code, name, qualification_level, job_titles,
                                                              requirements)
                            values (?, ?, ?, ?, ?, ?::jsonb) returning id""")
                    .params(id, g.code(), g.name(), g.qualificationLevel(), g.jobTitles().toArray(String[]::new),
                            JSON.writeValueAsString(g.requirements()))
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

    public Optional<StandardSummary> summary(long id) {
        return jdbc.sql(SUMMARY + " where s.id = ?").param(id).query(StandardRepository::summary).optional();
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
        return editions.load(id, withElements);
    }

    /** Re-stores the optional lists and content hash of an edition whose functions are unchanged. */
    public void updateDetails(long id, ProfessionalStandard s, String contentHash) {
        jdbc.sql("update professional_standard set details = ?::jsonb, content_hash = ? where id = ?")
                .params(JSON.writeValueAsString(s.details()), contentHash, id).update();
        for (GeneralizedFunction g : s.generalizedFunctions()) {
            jdbc.sql("update generalized_function set requirements = ?::jsonb where standard_id = ? and code = ?")
                    .params(JSON.writeValueAsString(g.requirements()), id, g.code()).update();
        }
    }

    /** Names of an edition's labour functions by code. */
    public Map<String, String> functionNames(long standardId) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from labour_function where standard_id = ? order by code").param(standardId)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** Active mapping sets that point at this edition. */
    public List<MappingSetRef> activeMappingSets(long standardId) {
        return jdbc.sql("""
                        select id, programme_id, version from mapping_set where standard_id = ? and is_active
                        order by programme_id""").param(standardId)
                .query((rs, n) -> new MappingSetRef(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list();
    }

    /**
     * Editions matching the query: a code prefix (06.0) or words of the name or kind of activity,
     * stemmed by PostgreSQL's Russian configuration; best matches first, then by code and date.
     */
    public Page<StandardSummary> search(@org.jspecify.annotations.Nullable String q, boolean currentOnly, int page,
                                        int size) {
        return searches.editions(q, currentOnly, page, size);
    }

    /**
     * Labour functions matching the query (a code such as A/01.3, Cyrillic letters allowed, or words
     * of the name), optionally of one edition, else of current editions unless all are asked for.
     */
    public Page<FunctionHit> searchFunctions(@org.jspecify.annotations.Nullable String q,
                                             @org.jspecify.annotations.Nullable Long standardId, boolean currentOnly,
                                             int page, int size) {
        return searches.functions(q, standardId, currentOnly, page, size);
    }

    /** Elements (labour actions, skills, knowledge) whose text matches the words of the query. */
    public Page<ElementHit> searchElements(String q, @org.jspecify.annotations.Nullable Long standardId,
                                           boolean currentOnly, int page, int size) {
        return searches.elements(q, standardId, currentOnly, page, size);
    }

    /** One labour function of an edition by code (normalized), with its elements and their ids. */
    public Optional<FunctionDetail> function(long standardId, String code) {
        Optional<FunctionHit> hit = jdbc.sql(FUNCTION_HIT + " where s.id = ? and f.code = ?")
                .params(standardId, ru.workready.engine.standards.FunctionCodes.normalize(code))
                .query(StandardRepository::functionHit).optional();
        return hit.map(h -> new FunctionDetail(h, jdbc.sql("""
                        select id, kind, position, text from function_element where labour_function_id = ?
                        order by kind, position""").param(h.id())
                .query((rs, n) -> {
                    ElementKind kind = ElementKind.valueOf(rs.getString(2));
                    return new ElementRow(rs.getLong(1), kind.key(rs.getInt(3)), kind, rs.getInt(3), rs.getString(4));
                })
                .list()));
    }

    /** All elements of an edition with ids and keys, by function code, in kind and position order. */
    public Map<String, List<ElementRow>> elementsByFunction(long standardId) {
        Map<String, List<ElementRow>> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.code, e.id, e.kind, e.position, e.text from function_element e
                        join labour_function f on f.id = e.labour_function_id where f.standard_id = ?
                        order by f.code, e.kind, e.position""")
                .param(standardId)
                .query(rs -> {
                    ElementKind kind = ElementKind.valueOf(rs.getString(3));
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ElementRow(rs.getLong(2), kind.key(rs.getInt(4)), kind, rs.getInt(4),
                                    rs.getString(5)));
                });
        return rows;
    }

    /** Element ids of an edition by function code and element key, e.g. "A/01.3" → "LA2" → id. */
    public Map<String, Map<String, Long>> elementIds(long standardId) {
        Map<String, Map<String, Long>> ids = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.code, e.kind, e.position, e.id from function_element e
                        join labour_function f on f.id = e.labour_function_id where f.standard_id = ?""")
                .param(standardId)
                .query(rs -> {
                    ids.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(ElementKind.valueOf(rs.getString(2)).key(rs.getInt(3)), rs.getLong(4));
                });
        return ids;
    }

    static StandardSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StandardSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("registration_number"), rs.getString("order_number"),
                rs.getObject("approval_date", java.time.LocalDate.class), rs.getBoolean("is_current"),
                rs.getInt("gf"), rs.getInt("tf"));
    }

    static FunctionHit functionHit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FunctionHit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, java.time.LocalDate.class), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getInt(10));
    }
}
