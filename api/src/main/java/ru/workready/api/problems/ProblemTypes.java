package ru.workready.api.problems;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import ru.workready.data.ProblemType;

/**
 * Problem detail types (RFC 9457): one stable URI per {@link ProblemType}, under {@link #BASE}; and the constants of
 * the database-unavailable answer, which the controllers' advice and the security filter both write.
 */
public final class ProblemTypes {
    public static final String BASE = "https://workready.ru/problems/";

    /** The detail of {@link ProblemType#DATABASE_UNAVAILABLE}, from the controllers' advice or the security filter. */
    public static final String DATABASE_UNAVAILABLE_DETAIL = "The database is unavailable; retry in a few seconds "
            + "(uploads are all-or-nothing and idempotent, so sending the same file again is safe).";
    public static final String DATABASE_UNAVAILABLE_RETRY_SECONDS = "5";
    /** Requests answered 503 because the database was away (Prometheus: workready_database_unavailable_total). */
    public static final String DATABASE_UNAVAILABLE_METRIC = "workready.database.unavailable";

    private ProblemTypes() {
    }

    public static URI of(ProblemType type) {
        return URI.create(BASE + type.slug());
    }

    /** The problem detail of a kind: its status, type URI and title from the {@link ProblemType}. */
    public static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        p.setType(of(type));
        p.setTitle(type.title());
        return p;
    }
}
