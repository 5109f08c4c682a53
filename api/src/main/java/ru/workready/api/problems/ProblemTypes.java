package ru.workready.api.problems;

import java.net.URI;

/** Problem detail types (RFC 9457): one stable URI per kind of error. */
public final class ProblemTypes {
    public static final String BASE = "https://workready.ru/problems/";

    /** The database is away: 503 with Retry-After, from the controllers' advice or the security filter alike. */
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    public static final String DATABASE_UNAVAILABLE_DETAIL = "The database is unavailable; retry in a few seconds "
            + "(uploads are all-or-nothing and idempotent, so sending the same file again is safe).";
    public static final String DATABASE_UNAVAILABLE_RETRY_SECONDS = "5";
    /** Requests answered 503 because the database was away (Prometheus: workready_database_unavailable_total). */
    public static final String DATABASE_UNAVAILABLE_METRIC = "workready.database.unavailable";

    private ProblemTypes() {
    }

    public static URI of(String kind) {
        return URI.create(BASE + kind);
    }
}
