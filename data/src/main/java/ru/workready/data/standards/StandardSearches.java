package ru.workready.data.standards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.Page;
import ru.workready.data.standards.StandardRepository.ElementHit;
import ru.workready.data.standards.StandardRepository.FunctionHit;
import ru.workready.engine.standards.ElementKind;

/**
 * The full-text searches of {@link StandardRepository}: editions, labour functions and their elements, by code
 * prefix or by words stemmed with PostgreSQL's Russian configuration, a page at a time.
 */
final class StandardSearches {
    private final JdbcClient jdbc;

    StandardSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Editions matching the query: a code prefix (06.0) or words of the name or kind of activity,
     * stemmed by PostgreSQL's Russian configuration; best matches first, then by code and date.
     */
    Page<StandardSummary> editions(@org.jspecify.annotations.Nullable String q, boolean currentOnly, int page,
                                        int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        String rank = "";
        if (q != null && !q.isBlank()) {
            where.append(" and (s.search @@ websearch_to_tsquery('russian', :q) or s.code like :prefix)");
            params.put("q", q.strip());
            params.put("prefix", likePrefix(q));
            rank = "ts_rank(s.search, websearch_to_tsquery('russian', :q)) desc, ";
        }
        byEdition(where, params, null, currentOnly);
        return page("select count(*) from professional_standard s" + where, StandardRepository.SUMMARY + where
                + " order by " + rank + "s.code, s.approval_date desc, s.id", params, StandardRepository::summary,
                page, size);
    }

    /**
     * Labour functions matching the query (a code such as A/01.3, Cyrillic letters allowed, or words
     * of the name), optionally of one edition, else of current editions unless all are asked for.
     */
    Page<FunctionHit> functions(@org.jspecify.annotations.Nullable String q,
                                @org.jspecify.annotations.Nullable Long standardId, boolean currentOnly, int page,
                                int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        String rank = "";
        if (q != null && !q.isBlank()) {
            where.append(" and (f.search @@ websearch_to_tsquery('russian', :q) or f.code like :prefix)");
            params.put("q", q.strip());
            params.put("prefix", likePrefix(ru.workready.engine.standards.FunctionCodes.normalize(q)));
            rank = "ts_rank(f.search, websearch_to_tsquery('russian', :q)) desc, ";
        }
        byEdition(where, params, standardId, currentOnly);
        return page("select count(*) from labour_function f join professional_standard s on s.id = f.standard_id"
                + where, StandardRepository.FUNCTION_HIT + where + " order by " + rank
                + "s.code, s.approval_date desc, f.code", params, StandardRepository::functionHit, page, size);
    }

    /** Elements (labour actions, skills, knowledge) whose text matches the words of the query. */
    Page<ElementHit> elements(String q, @org.jspecify.annotations.Nullable Long standardId,
                                           boolean currentOnly, int page, int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" where e.search @@ websearch_to_tsquery('russian', :q)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", q.strip());
        byEdition(where, params, standardId, currentOnly);
        String from = """
                 from function_element e join labour_function f on f.id = e.labour_function_id
                 join professional_standard s on s.id = f.standard_id
                 join generalized_function g on g.id = f.generalized_function_id""";
        return page("select count(*) " + from + where, """
                        select f.id, s.id, s.code, s.order_number, s.approval_date, s.is_current, g.code, f.code, f.name,
                               f.sub_level, e.id, e.kind, e.position, e.text""" + " " + from + where
                        + " order by ts_rank(e.search, websearch_to_tsquery('russian', :q)) desc, s.code, f.code, e.id",
                params, (rs, n) -> {
                    ElementKind kind = ElementKind.valueOf(rs.getString(12));
                    return new ElementHit(rs.getLong(11), kind.key(rs.getInt(13)), kind, rs.getString(14),
                            StandardRepository.functionHit(rs, n));
                }, page, size);
    }

    /** Rows of one edition when given, else of current editions only when asked. */
    private static void byEdition(StringBuilder where, Map<String, Object> params,
                                  @org.jspecify.annotations.Nullable Long standardId, boolean currentOnly) {
        if (standardId != null) {
            where.append(" and s.id = :standard");
            params.put("standard", standardId);
        } else if (currentOnly) {
            where.append(" and s.is_current");
        }
    }

    /** One page of a search: its total by {@code countSql}, its rows by {@code ordered} (a query with its order). */
    private <T> Page<T> page(String countSql, String ordered, Map<String, Object> params,
                             org.springframework.jdbc.core.RowMapper<T> rows, int page, int size) {
        long total = jdbc.sql(countSql).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<T> items = jdbc.sql(ordered + " limit :limit offset :offset").params(params).query(rows).list();
        return new Page<>(items, page, size, total);
    }

    private static String likePrefix(String q) {
        return q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
