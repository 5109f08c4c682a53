package ru.workready.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP contract is made of records written for the API (issue #18): a repository row that reaches
 * the JSON would change the API whenever a query changes. Walks the generic return type of every
 * request-mapped method of every {@code @RestController} in the api module.
 */
class ContractTypesTest {

    @Test
    void noEndpointAnswersWithARepositoryType() throws ClassNotFoundException {
        List<Method> handlers = handlers();
        assertThat(handlers).as("request-mapped controller methods found").hasSizeGreaterThan(50);
        Set<String> exposures = new TreeSet<>();
        for (Method handler : handlers) {
            for (Class<?> exposed : repositoryTypesIn(handler.getGenericReturnType(), new HashSet<>())) {
                exposures.add(handler.getDeclaringClass().getSimpleName() + "." + handler.getName() + " exposes "
                        + exposed.getName());
            }
        }
        assertThat(exposures).as("endpoints answering with repository types (give them a record of the api)")
                .isEmpty();
    }

    @Test
    void theWalkSeesThroughContainersAndRecordComponents() throws NoSuchMethodException {
        Type nested = Probe.class.getDeclaredMethod("nested").getGenericReturnType();
        assertThat(repositoryTypesIn(nested, new HashSet<>())).containsExactly(Probe.FakeRepository.Row.class);
        Type clean = Probe.class.getDeclaredMethod("clean").getGenericReturnType();
        assertThat(repositoryTypesIn(clean, new HashSet<>())).isEmpty();
    }

    /** A class in the data module named ...Repository, nested in one, or in a repository package. */
    static boolean isRepositoryType(Class<?> type) {
        String name = type.getName();
        if (name.contains(".repository.")) {
            return true;
        }
        if (!name.startsWith("ru.workready.data.") && !isProbe(type)) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.getSimpleName().endsWith("Repository")) {
                return true;
            }
        }
        return false;
    }

    static List<Class<?>> repositoryTypesIn(Type type, Set<Type> seen) {
        List<Class<?>> found = new ArrayList<>();
        if (!seen.add(type)) {
            return found;
        }
        if (type instanceof ParameterizedType p) {
            found.addAll(repositoryTypesIn(p.getRawType(), seen));
            for (Type argument : p.getActualTypeArguments()) {
                found.addAll(repositoryTypesIn(argument, seen));
            }
        } else if (type instanceof GenericArrayType array) {
            found.addAll(repositoryTypesIn(array.getGenericComponentType(), seen));
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                found.addAll(repositoryTypesIn(bound, seen));
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                found.addAll(repositoryTypesIn(bound, seen));
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                found.addAll(repositoryTypesIn(c.getComponentType(), seen));
            } else if (isRepositoryType(c)) {
                found.add(c);
            } else if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    found.addAll(repositoryTypesIn(component.getGenericType(), seen));
                }
            }
        }
        return found;
    }

    private static List<Method> handlers() throws ClassNotFoundException {
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

    /** Controllers written for tests (probes of the security matrix, problem mapping) are not the contract. */
    private static boolean isTestClass(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().getPath().contains("test-classes");
    }

    private static boolean isProbe(Class<?> type) {
        return type.getName().startsWith(Probe.class.getName());
    }

    /** Shapes the walk must see through, with a stand-in repository. */
    @SuppressWarnings("unused")
    static final class Probe {
        static final class FakeRepository {
            record Row(long id) {
            }
        }

        record Wrapper(String name, List<FakeRepository.Row[]> rows) {
        }

        record Clean(String name, List<Clean> children) {
        }

        org.springframework.http.ResponseEntity<List<java.util.Optional<Wrapper>>> nested() {
            return null;
        }

        org.springframework.http.ResponseEntity<List<Clean>> clean() {
            return null;
        }
    }
}
