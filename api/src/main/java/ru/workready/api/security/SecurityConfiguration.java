package ru.workready.api.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.workready.data.security.AuditRepository;

/**
 * The rate limiters of the key filter, the body-limit and audit interceptor in front of every handler, and the
 * {@link Caller} argument of controllers. Who may call what is {@link WebSecurity}'s.
 */
@Configuration
// named here as well as scanned: web slice tests (@WebMvcTest) load this class but not the scan
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration implements WebMvcConfigurer {
    // a provider: web slice tests (@WebMvcTest) have no data beans
    private final ObjectProvider<AuditRepository> audit;
    private final int failedAuthPerMinute;
    private final Environment environment;

    SecurityConfiguration(ObjectProvider<AuditRepository> audit,
                          SecuritySettings settings, Environment environment) {
        this.failedAuthPerMinute = settings.failedAuthPerMinute();
        this.audit = audit;
        this.environment = environment;
    }

    @Bean
    RateLimiter rateLimiter() {
        return new RateLimiter(System::nanoTime);
    }

    @Bean
    FailedAuthThrottle failedAuthThrottle() {
        return new FailedAuthThrottle(failedAuthPerMinute, System::nanoTime);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LimitAndAuditInterceptor(audit, environment));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                Object caller = request.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (caller == null) {
                    throw new SecurityExceptions.Unauthenticated("Send an API key in the " + ApiKeyAuthenticationFilter.HEADER
                            + " header");
                }
                return caller;
            }
        });
    }
}
