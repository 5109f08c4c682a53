package ru.workready.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;
import ru.workready.data.security.Role;

/**
 * Decides on what Spring MVC will actually route the request to, never on the spelling of its URI: the handler is
 * looked up through the application's own handler mappings (the same decoding and matching the dispatcher uses), and
 * <ul>
 *   <li>a {@link PublicEndpoint} controller, a static resource or the OpenAPI documentation is public;</li>
 *   <li>any other handler needs an authenticated API key whose role its {@link Allowed} admits (ADMIN always; no
 *       {@code @Allowed} means ADMIN only);</li>
 *   <li>a request that reaches no handler (404, 405 …) needs an authenticated key, whatever its role.</li>
 * </ul>
 */
final class HandlerAuthorization implements AuthorizationManager<RequestAuthorizationContext> {
    /** What a request routes to, for the access-denied answer. */
    static final String DENIED_HANDLER = HandlerAuthorization.class.getName() + ".denied";

    private final HandlerMappingIntrospector introspector;

    HandlerAuthorization(HandlerMappingIntrospector introspector) {
        this.introspector = introspector;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
                                         RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        Object handler = handler(request);
        if (isPublic(handler)) {
            return new AuthorizationDecision(true);
        }
        if (!(authentication.get() instanceof ApiKeyAuthentication key)) {
            return new AuthorizationDecision(false);
        }
        Role role = key.getPrincipal().role();
        if (role == Role.ADMIN) {
            return new AuthorizationDecision(true);
        }
        if (handler instanceof HandlerMethod method) {
            Allowed allowed = Optional.ofNullable(method.getMethodAnnotation(Allowed.class))
                    .orElseGet(() -> method.getBeanType().getAnnotation(Allowed.class));
            boolean granted = allowed != null && Arrays.asList(allowed.value()).contains(role);
            return new AuthorizationDecision(granted);
        }
        // no handler: the dispatcher answers 404 or 405 to any authenticated key; a non-controller handler
        // (actuator endpoints reached by another spelling) is the administrator's
        return new AuthorizationDecision(handler == null);
    }

    static boolean isPublic(@Nullable Object handler) {
        if (handler instanceof ResourceHttpRequestHandler) {
            return true;
        }
        if (handler instanceof HandlerMethod method) {
            Class<?> type = method.getBeanType();
            return type.isAnnotationPresent(PublicEndpoint.class) || type.getName().startsWith("org.springdoc.");
        }
        return false;
    }

    /** The handler the dispatcher would choose; null when none matches or a mapping refuses the request. */
    @Nullable Object handler(HttpServletRequest request) {
        // the lookup must leave no trace on the request (matched patterns, path variables, the parsed path)
        Isolated isolated = new Isolated(request);
        ServletRequestPathUtils.parseAndCache(isolated);
        for (HandlerMapping mapping : introspector.getHandlerMappings()) {
            try {
                HandlerExecutionChain chain = mapping.getHandler(isolated);
                if (chain != null) {
                    return chain.getHandler();
                }
            } catch (Exception e) {
                // a method or media type the handler does not take: no handler for this request
                return null;
            }
        }
        return null;
    }

    /** Attributes set during the lookup stay in the wrapper. */
    private static final class Isolated extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        Isolated(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable Object getAttribute(String name) {
            if (attributes.containsKey(name)) {
                return attributes.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
            removed.remove(name);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
            removed.add(name);
        }
    }
}
