package ru.workready.data.standards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionElement;
import ru.workready.engine.standards.FunctionRequirements;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;
import ru.workready.engine.standards.StandardDetails;
import tools.jackson.databind.json.JsonMapper;

/** Reads a stored edition back as the engine's {@link ProfessionalStandard}: its ОТФ, ТФ and (if asked) elements. */
final class StandardEditionLoader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    StandardEditionLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads a whole edition; elements are included when asked for. */
    Optional<ProfessionalStandard> load(long id, boolean withElements) {
        record Header(String code, String name, String reg, String order, java.time.LocalDate date, String kind,
                      StandardDetails details) {
        }
        Optional<Header> header = jdbc.sql("""
                        select code, name, registration_number, order_number, approval_date, activity_kind, details
                        from professional_standard where id = ?""").param(id)
                .query((rs, n) -> new Header(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class), rs.getString(6),
                        json(rs.getString(7), StandardDetails.class, StandardDetails.EMPTY)))
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<FunctionElement>> elements = withElements ? elements(id) : Map.of();
        Map<Long, List<LabourFunction>> functions = functionsByGeneralizedFunction(id, elements);
        List<GeneralizedFunction> gfs = jdbc.sql("""
                        select id, code, name, qualification_level, job_titles, requirements from generalized_function
                        where standard_id = ? order by code""").param(id)
                .query((rs, n) -> new GeneralizedFunction(rs.getString(2), rs.getString(3), rs.getInt(4),
                        List.of((String[]) rs.getArray(5).getArray()),
                        functions.getOrDefault(rs.getLong(1), List.of()),
                        json(rs.getString(6), FunctionRequirements.class, FunctionRequirements.EMPTY)))
                .list();
        Header h = header.get();
        return Optional.of(new ProfessionalStandard(h.code(), h.name(), h.reg(), h.order(), h.date(), h.kind(), gfs,
                h.details()));
    }

    /** An edition's elements by labour function id, in kind and position order. */
    private Map<Long, List<FunctionElement>> elements(long standardId) {
        Map<Long, List<FunctionElement>> elements = new LinkedHashMap<>();
        jdbc.sql("""
                        select e.labour_function_id, e.kind, e.position, e.text from function_element e
                        join labour_function f on f.id = e.labour_function_id
                        where f.standard_id = ? order by e.labour_function_id, e.kind, e.position""").param(standardId)
                .query(rs -> {
                    elements.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new FunctionElement(ElementKind.valueOf(rs.getString(2)), rs.getInt(3),
                                    rs.getString(4)));
                });
        return elements;
    }

    /** An edition's labour functions with their elements, by the id of their ОТФ, in code order. */
    private Map<Long, List<LabourFunction>> functionsByGeneralizedFunction(
            long standardId, Map<Long, List<FunctionElement>> elements) {
        Map<Long, List<LabourFunction>> functions = new LinkedHashMap<>();
        jdbc.sql("select id, generalized_function_id, code, name, sub_level from labour_function where standard_id = ? order by code")
                .param(standardId)
                .query(rs -> {
                    functions.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new LabourFunction(rs.getString(3), rs.getString(4), rs.getInt(5),
                                    elements.getOrDefault(rs.getLong(1), List.of())));
                });
        return functions;
    }

    /** Rows stored before the optional lists were kept have '{}': read them as empty. */
    private static <T> T json(@org.jspecify.annotations.Nullable String text, Class<T> type, T empty) {
        if (text == null || text.equals("{}")) {
            return empty;
        }
        return JSON.readValue(text, type);
    }
}
