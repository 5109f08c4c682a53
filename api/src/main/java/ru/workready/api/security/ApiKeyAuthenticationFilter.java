package ru.workready.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.workready.api.problems.ProblemTypes;
import ru.workready.data.ProblemType;
import ru.workready.data.security.ApiKeyRepository.StoredKey;
import ru.workready.data.security.AuditRepository;

/**
 * Authenticates the {@code X-API-Key} header, in Spring Security's chain: an address that sent too many bad keys
 * lately is refused first (429), an unknown, revoked or expired key is refused (401), a valid one becomes an
 * {@link ApiKeyAuthentication} and spends one request of its rate allowance (429 when used up). A request without
 * the header goes on unauthenticated: the authorization rules decide whether the endpoint it reaches is public.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final ApiKeyCheck check;
    private final ObjectProvider<AuditRepository> audit;
    private final RateLimiter limiter;
    private final FailedAuthThrottle throttle;
    private final int defaultRequestsPerMinute;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeyCheck check, ObjectProvider<AuditRepository> audit,
                               RateLimiter limiter, FailedAuthThrottle throttle, int defaultRequestsPerMinute) {
        this.check = check;
        this.audit = audit;
        this.limiter = limiter;
        this.throttle = throttle;
        this.defaultRequestsPerMinute = defaultRequestsPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // answers carry personal data and depend on the key: no shared or browser cache may keep them
        response.setHeader("Cache-Control", "no-store");
        String secret = request.getHeader(HEADER);
        if (secret == null || secret.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        FailedAuthThrottle.Block block = throttle.check(address);
        if (block.retryAfterSeconds() > 0) {
            if (block.first()) {
                auditThrottled(request, address);
            }
            ProblemResponses.rateLimited(request, response, block.retryAfterSeconds(),
                    "Too many failed authentications from this address; retry after " + block.retryAfterSeconds() + " s");
            return;
        }
        StoredKey key;
        try {
            key = check.check(secret);
        } catch (SecurityExceptions.Unauthenticated e) {
            throttle.failed(address);
            ProblemResponses.unauthenticated(request, response, e.getMessage());
            return;
        } catch (DataAccessResourceFailureException | TransientDataAccessResourceException e) {
            // the key cannot be checked while the database is away: the same 503 as every other request gets
            log.warn("Database unavailable: {}", e.getMessage());
            Metrics.counter(ProblemTypes.DATABASE_UNAVAILABLE_METRIC).increment();
            response.setHeader("Retry-After", ProblemTypes.DATABASE_UNAVAILABLE_RETRY_SECONDS);
            ProblemResponses.write(request, response, ProblemType.DATABASE_UNAVAILABLE,
                    ProblemTypes.DATABASE_UNAVAILABLE_DETAIL, java.util.Map.of());
            return;
        }
        Caller caller = new Caller(key.id(), key.prefix(), key.organisation(), key.role(), key.college(),
                key.region(), key.expiresAt());
        long wait = limiter.acquire(key.id(), Optional.ofNullable(key.requestsPerMinute()).orElse(defaultRequestsPerMinute));
        if (wait > 0) {
            ProblemResponses.rateLimited(request, response, wait,
                    "Too many requests with this API key; retry after " + wait + " s");
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(caller, key.organisationKind().name()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    /** One audit event per run of refusals of an address (not one per refused request). */
    private void auditThrottled(HttpServletRequest request, String address) {
        try {
            audit.getObject().appendUnauthenticated("auth-throttled", "client-address", address, request.getMethod(),
                    truncated(request.getRequestURI()), 429);
        } catch (RuntimeException e) {
            log.error("Could not write the audit event auth-throttled for {}", address, e);
        }
        log.warn("Throttling {}: more than {} failed authentications a minute", address, throttle.perMinute());
    }

    static String truncated(@Nullable String path) {
        return path == null ? "" : path.length() > 2000 ? path.substring(0, 2000) : path;
    }
}
