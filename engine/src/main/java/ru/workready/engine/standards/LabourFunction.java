package ru.workready.engine.standards;

import java.util.List;

/** Трудовая функция (ТФ), e.g. A/01.3: code normalized to Latin letters, sub-level after the dot. */
public record LabourFunction(String code, String name, int subLevel, List<FunctionElement> elements) {
    public LabourFunction {
        elements = List.copyOf(elements);
    }

    public long count(ElementKind kind) {
        return elements.stream().filter(e -> e.kind() == kind).count();
    }
}
