package ru.workready.api.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.workready.data.employers.EmployerQueries;
import ru.workready.data.expertise.Expertise;
import ru.workready.data.outcomes.EmploymentReport;
import ru.workready.data.outcomes.ValidityComparison;
import ru.workready.data.reports.CoverageReport;
import ru.workready.data.trainingorder.TopRegionService;

/**
 * Names in the OpenAPI document for the data module's records whose simple names clash: springdoc names a schema
 * by the simple class name, so two {@code Row}s would silently share one schema and one endpoint would be
 * documented with the other's fields. The api's own records say {@code @Schema(name = ...)} instead; the data
 * module knows nothing of OpenAPI. ContractTypesTest fails on a new clash.
 */
@Component
public class SchemaNames implements ModelConverter {
    /** Schema names of data records, where the simple name is taken by another class of the contract. */
    public static final Map<Class<?>, String> OF_DATA_RECORDS = Map.of(
            Expertise.Row.class, "ExpertiseRow",
            EmploymentReport.Row.class, "EmploymentRow",
            ValidityComparison.Row.class, "ValidityComparisonRow",
            EmployerQueries.Cell.class, "ReadinessCell",
            CoverageReport.Cell.class, "CoverageCell",
            TopRegionService.CoverageReport.class, "TopRegionCoverageReport");

    @Override
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Class<?> raw = rawClass(type.getType());
        String name = raw == null ? null : OF_DATA_RECORDS.get(raw);
        if (name != null && type.getName() == null) {
            type.setName(name); // not part of the type's identity (equals, hashCode): caches stay valid
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    private static @Nullable Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof JavaType j ? j.getRawClass() : null;
    }
}
