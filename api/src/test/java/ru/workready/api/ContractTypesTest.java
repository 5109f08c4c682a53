package ru.workready.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.openapi.SchemaNames;

/**
 * The HTTP contract is made of records written for the API (issue #18): a repository row that reaches
 * the JSON would change the API whenever a query changes. Walks what every request-mapped method of every
 * {@code @RestController} answers — its generic return type and the schemas its {@code @ApiResponse}s
 * declare (reports answer {@code ResponseEntity<?>}) — through containers and record components.
 */
class ContractTypesTest {

    @Test
    void noEndpointAnswersWithARepositoryType() throws ClassNotFoundException {
        List<Method> handlers = handlers();
        assertThat(handlers).as("request-mapped controller methods found").hasSizeGreaterThan(50);
        Set<String> exposures = new TreeSet<>();
        for (Method handler : handlers) {
            for (Class<?> exposed : reached(answers(handler))) {
                if (isRepositoryType(exposed)) {
                    exposures.add(name(handler) + " exposes " + exposed.getName());
                }
            }
        }
        assertThat(exposures).as("endpoints answering with repository types (give them a record of the api)")
                .isEmpty();
    }

    /** springdoc names a schema by the simple class name: two classes of one name would silently share one. */
    @Test
    void schemaNamesAreUnique() throws ClassNotFoundException {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        for (Class<?> type : schemaTypes()) {
            classesByName.computeIfAbsent(schemaName(type), n -> new TreeSet<>()).add(type.getName());
        }
        classesByName.values().removeIf(classes -> classes.size() == 1);
        assertThat(classesByName).as("schema names shared by several classes (give one a @Schema(name = ...))")
                .isEmpty();
    }

    @Test
    void theWalkSeesThroughContainersAndRecordComponents() throws NoSuchMethodException {
        Method nested = Probe.class.getDeclaredMethod("nested");
        assertThat(reached(answers(nested))).filteredOn(ContractTypesTest::isRepositoryType)
                .containsExactly(Probe.FakeRepository.Row.class);
        assertThat(reached(answers(Probe.class.getDeclaredMethod("clean")))).filteredOn(ContractTypesTest::isRepositoryType)
                .isEmpty();
        assertThat(reached(answers(Probe.class.getDeclaredMethod("declared")))).contains(Probe.Wrapper.class);
    }

    /** A class in the data module named ...Repository or nested in one, or any class of a repository package. */
    static boolean isRepositoryType(Class<?> type) {
        if (type.getName().contains(".repository.")) {
            return true;
        }
        if (!type.getName().startsWith("ru.workready.data.") && !type.getName().startsWith(Probe.class.getName())) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.getSimpleName().endsWith("Repository")) {
                return true;
            }
        }
        return false;
    }

    /** Classes of the project that become schemas of the OpenAPI document (enums are inlined). */
    static Set<Class<?>> schemaTypes() throws ClassNotFoundException {
        List<Type> roots = new ArrayList<>();
        for (Method handler : handlers()) {
            roots.addAll(answers(handler));
            for (Parameter parameter : handler.getParameters()) {
                if (parameter.isAnnotationPresent(RequestBody.class)) {
                    roots.add(parameter.getParameterizedType());
                }
            }
        }
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> type : reached(roots)) {
            if (type.getName().startsWith("ru.workready.") && !type.isEnum() && type.getTypeParameters().length == 0) {
                types.add(type);
            }
        }
        return types;
    }

    /** The name springdoc gives the class: its @Schema name, SchemaNames' for a data record, else the simple name. */
    static String schemaName(Class<?> type) {
        String named = SchemaNames.OF_DATA_RECORDS.get(type);
        if (named != null) {
            return named;
        }
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }

    static Set<Class<?>> reached(List<Type> roots) {
        return ContractWalk.reached(roots);
    }

    private static List<Type> answers(Method handler) {
        List<Type> answers = new ArrayList<>(List.of(handler.getGenericReturnType()));
        for (ApiResponse response : handler.getAnnotationsByType(ApiResponse.class)) {
            for (var content : response.content()) {
                answers.add(content.schema().implementation());
                answers.add(content.array().schema().implementation());
            }
        }
        return answers;
    }

    static List<Method> handlers() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Method> handlers = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("ru.workready.api")) {
            Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), null);
            if (isTestClass(controller)) {
                continue;
            }
            for (Method method : controller.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    handlers.add(method);
                }
            }
        }
        return handlers;
    }

    private static String name(Method handler) {
        return handler.getDeclaringClass().getSimpleName() + "." + handler.getName();
    }

    /** Controllers written for tests (probes of the security matrix, problem mapping) are not the contract. */
    private static boolean isTestClass(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().getPath().contains("test-classes");
    }

    /** Shapes the walk must see through, with a stand-in repository. */
    @SuppressWarnings("unused")
    static final class Probe {
        static final class FakeRepository {
            record Row(long id) {
            }
        }

        record Wrapper(String name, Map<String, List<FakeRepository.Row[]>> rows) {
        }

        record Clean(String name, List<Clean> children) {
        }

        org.springframework.http.ResponseEntity<List<java.util.Optional<Wrapper>>> nested() {
            return null;
        }

        org.springframework.http.ResponseEntity<List<Clean>> clean() {
            return null;
        }

        @ApiResponse(content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = Wrapper.class)))
        org.springframework.http.ResponseEntity<?> declared() {
            return null;
        }
    }
}
