package ru.workready.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import ru.workready.api.problems.PayloadTooLargeException;
import ru.workready.data.security.ApiKeyRepository.StoredKey;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.AuditRepository;
import ru.workready.data.security.Role;

/**
 * Deny by default for everything under {@code /api}: a valid key (401 otherwise), the key's rate
 * allowance (429), a role the handler admits (403; no {@link Allowed} means ADMIN only), a declared
 * body within the handler's {@link BodyLimit} (413). Afterwards, {@link Audited} calls are logged.
 * Runs before arguments are resolved, so a refused request's body is never read.
 */
class AccessInterceptor implements HandlerInterceptor {
    static final String HEADER = "X-API-Key";
    static final long DEFAULT_BODY_LIMIT = 1024 * 1024;
    private static final int MAX_KEY_LENGTH = 256;
    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    private final ObjectProvider<ApiKeyService> keys;
    private final ObjectProvider<AuditRepository> audit;
    private final RateLimiter limiter;
    private final FailedAuthThrottle throttle;
    private final int defaultRequestsPerMinute;
    private final Environment environment;

    private final ObjectProvider<java.time.Clock> clock;

    AccessInterceptor(ObjectProvider<ApiKeyService> keys, ObjectProvider<AuditRepository> audit, RateLimiter limiter,
                      FailedAuthThrottle throttle, int defaultRequestsPerMinute, Environment environment,
                      ObjectProvider<java.time.Clock> clock) {
        this.clock = clock;
        this.throttle = throttle;
        this.keys = keys;
        this.audit = audit;
        this.limiter = limiter;
        this.defaultRequestsPerMinute = defaultRequestsPerMinute;
        this.environment = environment;
    }

    static boolean protectedPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!protectedPath(request)) {
            return true;
        }
        // answers carry personal data and depend on the key: no shared or browser cache may keep them
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        StoredKey key = authenticate(request, request.getHeader(HEADER));
        Caller caller = new Caller(key.id(), key.prefix(), key.organisation(), key.role(), key.college(),
                key.expiresAt());
        request.setAttribute(Caller.ATTRIBUTE, caller);
        long wait = limiter.acquire(key.id(), Optional.ofNullable(key.requestsPerMinute()).orElse(defaultRequestsPerMinute));
        if (wait > 0) {
            throw new SecurityExceptions.RateLimited(wait);
        }
        if (handler instanceof HandlerMethod method) {
            Allowed allowed = Optional.ofNullable(method.getMethodAnnotation(Allowed.class))
                    .orElseGet(() -> method.getBeanType().getAnnotation(Allowed.class));
            if (caller.role() != Role.ADMIN
                    && (allowed == null || Arrays.stream(allowed.value()).noneMatch(r -> r == caller.role()))) {
                throw new SecurityExceptions.Forbidden("A key with role " + caller.role() + " may not call "
                        + request.getMethod() + " " + request.getRequestURI());
            }
            BodyLimit limit = method.getMethodAnnotation(BodyLimit.class);
            long max = limit == null ? DEFAULT_BODY_LIMIT
                    : limit.property().isEmpty() ? limit.value()
                    : environment.getProperty(limit.property(), Long.class, limit.value());
            request.setAttribute(BodyLimitFilter.LIMIT_ATTRIBUTE, max);
            if (request.getContentLengthLong() > max) {
                throw new PayloadTooLargeException(max);
            }
        }
        return true;
    }

    private StoredKey authenticate(HttpServletRequest request, @Nullable String secret) {
        if (secret == null || secret.isBlank()) {
            throw new SecurityExceptions.Unauthenticated("Send an API key in the " + HEADER + " header");
        }
        // too many bad keys from this address lately: refused before the lookup, whatever the key
        String address = request.getRemoteAddr();
        FailedAuthThrottle.Block block = throttle.check(address);
        if (block.retryAfterSeconds() > 0) {
            if (block.first()) {
                auditThrottled(request, address);
            }
            throw new SecurityExceptions.RateLimited(block.retryAfterSeconds(), "Too many failed authentications from "
                    + "this address; retry after " + block.retryAfterSeconds() + " s");
        }
        try {
            return lookUp(secret);
        } catch (SecurityExceptions.Unauthenticated e) {
            throttle.failed(address);
            throw e;
        }
    }

    /** One audit event per run of refusals of an address (not one per refused request). */
    private void auditThrottled(HttpServletRequest request, String address) {
        try {
            audit.getObject().appendUnauthenticated("auth-throttled", "client-address", address, request.getMethod(),
                    request.getRequestURI(), 429);
        } catch (RuntimeException e) {
            log.error("Could not write the audit event auth-throttled for {}", address, e);
        }
        log.warn("Throttling {}: more than {} failed authentications a minute", address, throttle.perMinute());
    }

    private StoredKey lookUp(String secret) {
        Optional<StoredKey> found = secret.length() > MAX_KEY_LENGTH ? Optional.empty() : keys.getObject().find(secret.strip());
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

    /** The query string, or the parameters when there is none (as under MockMvc). */
    private static String query(HttpServletRequest request) {
        if (request.getQueryString() != null) {
            return "?" + request.getQueryString();
        }
        if (!"GET".equals(request.getMethod()) || request.getParameterMap().isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            for (String v : values) {
                q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(v);
            }
        });
        return q.toString();
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        if (!(handler instanceof HandlerMethod method) || request.getAttribute(Caller.ATTRIBUTE) == null) {
            return;
        }
        Audited audited = method.getMethodAnnotation(Audited.class);
        if (audited == null) {
            return;
        }
        Caller caller = (Caller) request.getAttribute(Caller.ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String subject = variables == null ? null : variables.get(audited.subject());
        if (subject == null) {
            subject = request.getParameter(audited.subject());
        }
        String path = request.getRequestURI() + query(request);
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        try {
            audit.getObject().append(caller.keyId(), caller.organisation(), caller.role(), audited.action(), audited.subjectKind(),
                    subject == null ? "" : subject, request.getMethod(), path.length() > 2000 ? path.substring(0, 2000) : path,
                    status);
        } catch (RuntimeException e) {
            // the response is gone already; losing an audit event must at least be loud
            log.error("Could not write the audit event {} {} for key {}", audited.action(), subject, caller.keyId(), e);
        }
    }
}
