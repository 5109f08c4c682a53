package ru.workready.engine.programmes;

/** Вид деятельности (ВД 1), taught in a professional module (ПМ.01). */
public record ActivityKind(String code, String moduleCode, String name) {
}
