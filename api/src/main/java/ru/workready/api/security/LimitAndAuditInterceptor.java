package ru.workready.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import ru.workready.api.problems.PayloadTooLargeException;
import ru.workready.data.security.AuditRepository;

/**
 * After Spring Security has let a request through: the handler's {@link BodyLimit} (413 for a declared body over it;
 * {@link BodyLimitFilter} counts the bytes of undeclared ones), and afterwards an audit entry for {@link Audited}
 * calls. Runs before arguments are resolved, so a refused request's body is never read. It decides nothing about
 * who may call what: that is the security filter chain's ({@link WebSecurity}).
 */
class LimitAndAuditInterceptor implements HandlerInterceptor {
    static final long DEFAULT_BODY_LIMIT = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(LimitAndAuditInterceptor.class);

    private final ObjectProvider<AuditRepository> audit;
    private final Binder settings;

    LimitAndAuditInterceptor(ObjectProvider<AuditRepository> audit, Environment environment) {
        this.audit = audit;
        this.settings = Binder.get(environment);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            BodyLimit limit = method.getMethodAnnotation(BodyLimit.class);
            long max = limit == null ? DEFAULT_BODY_LIMIT
                    : limit.property().isEmpty() ? limit.value()
                    : configured(limit);
            request.setAttribute(BodyLimitFilter.LIMIT_ATTRIBUTE, max);
            if (request.getContentLengthLong() > max) {
                throw new PayloadTooLargeException(max);
            }
        }
        return true;
    }

    /** The limit's setting (a size such as {@code 2GB}, or bytes, as its settings record binds it), else its default. */
    private long configured(BodyLimit limit) {
        return settings.bind(limit.property(), DataSize.class).map(DataSize::toBytes)
                .orElse(limit.value());
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
        String path = ApiKeyAuthenticationFilter.truncated(request.getRequestURI() + query(request));
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        try {
            audit.getObject().append(caller.keyId(), caller.organisation(), caller.role(), audited.action(), audited.subjectKind(),
                    subject == null ? "" : subject, request.getMethod(), path,
                    status);
        } catch (RuntimeException e) {
            // the response is gone already; losing an audit event must at least be loud
            log.error("Could not write the audit event {} {} for key {}", audited.action(), subject, caller.keyId(), e);
        }
    }
}
