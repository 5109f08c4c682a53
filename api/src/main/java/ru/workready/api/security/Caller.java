package ru.workready.api.security;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import ru.workready.data.security.Role;

/**
 * Who is calling: the authenticated API key, its organisation and role; {@code college} is the
 * college code a COLLEGE key is bound to; {@code region} the region whose planning the key may touch (its REGION
 * organisation's bound region, or its college's region; null: any). Controllers take it as a parameter or ask
 * {@link #current()}.
 */
public record Caller(long keyId, String keyPrefix, String organisation, Role role, @Nullable String college,
                     @Nullable String region, @Nullable OffsetDateTime expiresAt) {
    static final String ATTRIBUTE = Caller.class.getName();

    /** The caller of the current request; fails outside an authenticated request. */
    public static Caller current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object caller = attributes == null ? null : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller in this thread");
        }
        return (Caller) caller;
    }

    public boolean is(Role r) {
        return role == r;
    }
}
