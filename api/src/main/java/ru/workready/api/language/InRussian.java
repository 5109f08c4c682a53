package ru.workready.api.language;

/**
 * An answer that holds texts people read (warnings, reasons, a detail): {@link RussianProblems} asks it for its
 * Russian copy when the request prefers Russian.
 */
public interface InRussian {
    Object inRussian();
}
