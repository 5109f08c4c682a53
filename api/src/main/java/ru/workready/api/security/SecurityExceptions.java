package ru.workready.api.security;

/** A request without a usable key; turned into a problem detail by the filter or {@link SecurityProblemHandler}. */
final class SecurityExceptions {
    private SecurityExceptions() {
    }

    /** No key, or one that is unknown, revoked or expired: 401. */
    static final class Unauthenticated extends RuntimeException {
        Unauthenticated(String message) {
            super(message);
        }
    }
}
