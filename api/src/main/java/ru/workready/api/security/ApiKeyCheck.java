package ru.workready.api.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.workready.data.security.ApiKeyRepository.StoredKey;
import ru.workready.data.security.ApiKeyService;

/** Whether a sent secret is a usable key: known (by hash), not revoked, not expired by the application's clock. */
@Component
class ApiKeyCheck {
    private static final int MAX_KEY_LENGTH = 256;

    // providers: web slice tests (@WebMvcTest) have no data beans
    private final ObjectProvider<ApiKeyService> keys;
    private final ObjectProvider<Clock> clock;

    ApiKeyCheck(ObjectProvider<ApiKeyService> keys, ObjectProvider<Clock> clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The key, or {@link SecurityExceptions.Unauthenticated} saying why not. */
    StoredKey check(String secret) {
        Optional<StoredKey> found = secret.length() > MAX_KEY_LENGTH ? Optional.empty()
                : keys.getObject().find(secret.strip());
        if (found.isEmpty()) {
            throw new SecurityExceptions.Unauthenticated("The API key is not valid");
        }
        StoredKey key = found.get();
        if (key.revokedAt() != null) {
            throw new SecurityExceptions.Unauthenticated("The API key has been revoked");
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(OffsetDateTime.now(clock.getObject()))) {
            throw new SecurityExceptions.Unauthenticated("The API key has expired");
        }
        return key;
    }
}
