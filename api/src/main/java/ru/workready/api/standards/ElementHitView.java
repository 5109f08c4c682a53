package ru.workready.api.standards;

import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.standards.ElementKind;

/** A labour action, required skill or necessary knowledge found by a search of its text, with its function. */
record ElementHitView(long id, String key, ElementKind kind, String text, FunctionHitView function) {

    static ElementHitView from(StandardRepository.ElementHit e) {
        return new ElementHitView(e.id(), e.key(), e.kind(), e.text(), FunctionHitView.from(e.function()));
    }
}
