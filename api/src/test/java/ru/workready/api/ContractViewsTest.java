package ru.workready.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api's contract records answer the very JSON the repository rows they replaced did (issue #18): for each
 * view, seeded random rows (values, nulls, list lengths) are serialized both ways and compared as trees.
 */
class ContractViewsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each view with the row its {@code from} maps (class names: the views are package-private). */
    private static final List<String[]> VIEWS = List.of(
            new String[] {"students.StudentView", "ru.workready.data.students.StudentRepository$Student"},
            new String[] {"students.EvidenceView", "ru.workready.data.assessments.EvidenceRepository$EvidenceRecord"},
            new String[] {"scoring.RescoringJobView", "ru.workready.data.scoring.RescoreJobRepository$Job"},
            new String[] {"security.OrganisationView", "ru.workready.data.security.OrganisationRepository$Organisation"},
            new String[] {"security.AuditEventView", "ru.workready.data.security.AuditRepository$AuditEvent"},
            new String[] {"employers.ConsentDecisionView", "ru.workready.data.employers.ConsentRepository$Decision"},
            new String[] {"demo.DemoRemovalView", "ru.workready.data.demo.DemoRepository$Removed"},
            new String[] {"mapping.MappingSetView", "ru.workready.data.mapping.MappingRepository$MappingSetSummary"},
            new String[] {"mapping.MappingRowView", "ru.workready.data.mapping.MappingRepository$MappingRow"},
            new String[] {"programmes.ProgrammeSummaryView",
                    "ru.workready.data.programmes.ProgrammeRepository$ProgrammeSummary"},
            new String[] {"standards.FunctionHitView", "ru.workready.data.standards.StandardRepository$FunctionHit"},
            new String[] {"standards.ElementHitView", "ru.workready.data.standards.StandardRepository$ElementHit"},
            new String[] {"standards.ImportedStandardView",
                    "ru.workready.data.standards.StandardImportService$Imported"},
            new String[] {"standards.ImportedStandardView$FileView",
                    "ru.workready.data.standards.StandardImportService$FileResult"});

    static Stream<Arguments> viewsAndSeeds() {
        return VIEWS.stream().flatMap(v -> IntStream.range(0, 8).mapToObj(seed -> Arguments.of(v[0], v[1], 1000L + seed)));
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("viewsAndSeeds")
    void aViewAnswersTheJsonOfTheRowItReplaces(String view, String row, long seed) throws Exception {
        System.out.println("ContractViewsTest " + view + " seed " + seed);
        Class<?> rowType = Class.forName(row);
        Object sample = new RowFiller(new Random(seed)).fill(rowType);
        Method from = Class.forName("ru.workready.api." + view).getDeclaredMethod("from", rowType);
        assertThat(Modifier.isStatic(from.getModifiers())).isTrue();
        from.setAccessible(true);
        Object mapped = from.invoke(null, sample);
        assertThat(JSON.writeValueAsString(mapped)).isEqualTo(JSON.writeValueAsString(sample));
    }

    /** Random instances of records: numbers, words, dates, enum constants, short lists, nulls where allowed. */
    private record RowFiller(Random random) {
        Object fill(Class<?> type) throws Exception {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean nullable = !types[i].isPrimitive() && !List.class.isAssignableFrom(types[i])
                        && components[i].getAnnotatedType().isAnnotationPresent(org.jspecify.annotations.Nullable.class);
                values[i] = nullable && random.nextInt(3) == 0 ? null : value(components[i].getGenericType());
            }
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        }

        private Object value(Type generic) throws Exception {
            if (generic instanceof ParameterizedType p && p.getRawType() == List.class) {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(3); n > 0; n--) {
                    list.add(value(p.getActualTypeArguments()[0]));
                }
                return list;
            }
            Class<?> type = (Class<?>) generic;
            if (type == long.class || type == Long.class) {
                return random.nextLong(1, 1_000_000);
            } else if (type == int.class || type == Integer.class) {
                return random.nextInt(1, 1000);
            } else if (type == double.class || type == Double.class) {
                return random.nextInt(0, 10_000) / 1000.0;
            } else if (type == boolean.class || type == Boolean.class) {
                return random.nextBoolean();
            } else if (type == String.class) {
                return "слово-" + random.nextInt(100);
            } else if (type == BigDecimal.class) {
                return BigDecimal.valueOf(random.nextInt(0, 10_000), 2);
            } else if (type == LocalDate.class) {
                return LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
            } else if (type == OffsetDateTime.class) {
                return OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(3)).plusMinutes(random.nextInt(1_000_000));
            } else if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                return constants[random.nextInt(constants.length)];
            } else if (type.isRecord()) {
                return fill(type);
            }
            throw new IllegalArgumentException("no sample of " + type);
        }
    }
}
