package ru.workready.api.security;

/** The refusals of the access interceptor; turned into problem details by {@link SecurityProblemHandler}. */
final class SecurityExceptions {
    private SecurityExceptions() {
    }

    /** No key, or one that is unknown, revoked or expired: 401. */
    static final class Unauthenticated extends RuntimeException {
        Unauthenticated(String message) {
            super(message);
        }
    }

    /** A valid key whose role may not call the endpoint: 403. */
    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }

    /** The key's allowance is used up: 429 with Retry-After. */
    static final class RateLimited extends RuntimeException {
        final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            this(retryAfterSeconds, "Too many requests with this API key; retry after " + retryAfterSeconds + " s");
        }

        RateLimited(long retryAfterSeconds, String message) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
