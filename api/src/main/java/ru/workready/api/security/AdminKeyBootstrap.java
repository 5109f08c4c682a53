package ru.workready.api.security;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.workready.data.security.ApiKeyService;

/**
 * The first admin key: {@code WORKREADY_ADMIN_KEY} (property {@code workready.admin-key}) when set,
 * which must look like a generated key ({@code wr_} + at least 32 base64url characters) or the
 * application does not start;
 * otherwise, when no usable admin key exists, a new one printed once to standard output (never to
 * the log files, and never again: only its hash is kept).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminKeyBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeyService keys;
    private final @Nullable String configured;

    @org.springframework.beans.factory.annotation.Autowired
    AdminKeyBootstrap(ApiKeyService keys, AdminKeyProperties settings) {
        this(keys, settings.adminKey());
    }

    AdminKeyBootstrap(ApiKeyService keys, @Nullable String configured) {
        this.keys = keys;
        this.configured = configured;
        if (configured != null && !configured.isBlank()) {
            // refuse at start, before anything is served, with a message naming the property
            ApiKeyService.checkConfiguredKey(configured);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.bootstrapAdmin(configured).ifPresent(secret -> {
            log.warn("No admin API key existed: one was generated and printed once to standard output");
            System.out.println("""

                    ==================================================================
                     workready: first admin API key (shown only this once; keep it safe)
                       X-API-Key: %s
                    ==================================================================
                    """.formatted(secret));
        });
    }
}
