package ru.workready.api;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every class a JSON answer of the given generic types can carry: type arguments (ResponseEntity, List,
 * Optional, Map), arrays, bounds, and the components of records, recursively.
 */
final class ContractWalk {
    private final Set<Class<?>> reached = new LinkedHashSet<>();
    private final Set<TypeVariable<?>> variables = new HashSet<>();

    private ContractWalk() {
    }

    static Set<Class<?>> reached(List<Type> roots) {
        ContractWalk walk = new ContractWalk();
        roots.forEach(walk::walk);
        return walk.reached;
    }

    private void walk(Type type) {
        if (type instanceof ParameterizedType p) {
            walk(p.getRawType());
            for (Type argument : p.getActualTypeArguments()) {
                walk(argument);
            }
        } else if (type instanceof GenericArrayType array) {
            walk(array.getGenericComponentType());
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                walk(bound);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            if (variables.add(variable)) { // once: T extends Comparable<T>
                for (Type bound : variable.getBounds()) {
                    walk(bound);
                }
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                walk(c.getComponentType());
            } else if (reached.add(c) && c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    walk(component.getGenericType());
                }
            }
        }
    }
}
