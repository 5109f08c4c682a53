package ru.workready.api.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import ru.workready.data.ProblemType;
import ru.workready.data.security.AuditRepository;

/**
 * The one security filter chain: API keys authenticate in {@link ApiKeyAuthenticationFilter}; what a request may
 * reach is decided by {@link HandlerAuthorization} on the handler Spring MVC routes it to; deny by default. The
 * default {@code StrictHttpFirewall} stays on (encoded slashes, {@code ;}, {@code %25}, {@code ..} are refused
 * before anything else runs). Refusals are problem details of the same types as the controllers'.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class WebSecurity {
    /** The pages' policy: scripts and styles from this server only, no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
                                            @Qualifier("mvcHandlerMappingIntrospector") HandlerMappingIntrospector introspector,
                                            ApiKeyCheck keys, ObjectProvider<AuditRepository> audit,
                                            RateLimiter limiter, FailedAuthThrottle throttle,
                                            SecuritySettings settings)
            throws Exception {
        HandlerAuthorization byHandler = new HandlerAuthorization(introspector);
        http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: a key in a header cannot be forged cross-site
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, audit, limiter, throttle,
                                settings.requestsPerMinute()),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> authorize(a, byHandler))
                .exceptionHandling(WebSecurity::refusals)
                .headers(WebSecurity::headers);
        return http.build();
    }

    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
            HandlerAuthorization byHandler) {
        a
                // the request was authorized when it came in; its error page and async completion need no second look
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .requestMatchers(CorsUtils::isPreFlightRequest).permitAll()
                // health without details (status only) is public; details, metrics, prometheus are the operator's
                .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                .permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasAnyAuthority("ROLE_ADMIN", "ROLE_ORG_OPERATOR")
                .anyRequest().access(byHandler);
    }

    /** No key: 401; a key whose role may not reach the handler: 403 naming the role and the request. */
    private static void refusals(ExceptionHandlingConfigurer<HttpSecurity> e) {
        e
                .authenticationEntryPoint((request, response, ex) -> ProblemResponses.unauthenticated(request,
                        response, "Send an API key in the " + ApiKeyAuthenticationFilter.HEADER + " header"))
                .accessDeniedHandler((request, response, ex) -> {
                    Authentication who = SecurityContextHolder.getContext().getAuthentication();
                    String role = who instanceof ApiKeyAuthentication k ? k.getPrincipal().role().name() : "?";
                    ProblemResponses.forbidden(request, response, "A key with role " + role + " may not call "
                            + request.getMethod() + " " + request.getRequestURI());
                });
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                // the key filter sets "no-store" itself
                .cacheControl(c -> c.disable());
    }

    /**
     * A request the firewall refuses (encoded slash, ";", "%25", "..", …) reaches nothing. Without a usable key it is
     * answered 401 like any other keyless request (a path's spelling never changes that answer); with one, a 400
     * problem naming the reason.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiKeyCheck keys) {
        return (request, response, e) -> {
            String secret = request.getHeader(ApiKeyAuthenticationFilter.HEADER);
            boolean usable = false;
            if (secret != null && !secret.isBlank()) {
                try {
                    keys.check(secret);
                    usable = true;
                } catch (SecurityExceptions.Unauthenticated | org.springframework.dao.DataAccessException notUsable) {
                    // not valid, or cannot be checked while the database is away: answered as not valid
                }
            }
            if (!usable) {
                ProblemResponses.unauthenticated(request, response, secret == null || secret.isBlank()
                        ? "Send an API key in the " + ApiKeyAuthenticationFilter.HEADER + " header"
                        : "The API key is not valid");
                return;
            }
            ProblemResponses.write(request, response, ProblemType.INVALID_REQUEST_PATH,
                    "The request was refused: " + e.getMessage(), java.util.Map.of());
        };
    }
}
