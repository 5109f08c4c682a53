package ru.workready.api.problems;

import java.net.URI;

/** Problem detail types (RFC 9457): one stable URI per kind of error. */
public final class ProblemTypes {
    public static final String BASE = "https://workready.ru/problems/";

    private ProblemTypes() {
    }

    public static URI of(String kind) {
        return URI.create(BASE + kind);
    }
}
