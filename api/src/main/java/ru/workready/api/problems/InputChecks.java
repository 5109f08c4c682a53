package ru.workready.api.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.workready.data.Inputs;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The shared input checks ({@link Inputs}) applied where Spring reads input, so that no controller
 * needs its own: every JSON string of a request body (no NUL), every JSON date and date-time (within
 * {@value Inputs#MIN_YEAR}–{@value Inputs#MAX_YEAR}), every query parameter and path variable (no NUL).
 * Files (CSV, JSON, XLSX uploads) are checked by the readers in the data module.
 */
@Configuration
class InputChecks implements WebMvcConfigurer {

    /** Registered with the application's JSON mapper by Spring Boot (every JacksonModule bean is). */
    @Bean
    JacksonModule inputChecksModule() {
        SimpleModule module = new SimpleModule("workready-input-checks");
        module.addDeserializer(String.class, new ValueDeserializer<String>() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                String value = StringDeserializer.instance.deserialize(p, ctxt);
                if (Inputs.hasNul(value)) {
                    Inputs.requireText(field(p), value);
                }
                return value;
            }
        });
        module.addDeserializer(LocalDate.class, new ValueDeserializer<LocalDate>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
                noNul(p);
                return Inputs.requireDate(field(p), LocalDateDeserializer.INSTANCE.deserialize(p, ctxt));
            }
        });
        module.addDeserializer(OffsetDateTime.class, new ValueDeserializer<OffsetDateTime>() {
            @Override
            public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
                noNul(p);
                return Inputs.requireDateTime(field(p), InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt));
            }
        });
        return module;
    }

    /** Jackson trims date strings, which would drop a NUL silently: refused before. */
    private static void noNul(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_STRING && Inputs.hasNul(p.getString())) {
            Inputs.requireText(field(p), p.getString());
        }
    }

    /** The property being read; the full path (results[0].assessedOn) is added by the problem handler. */
    private static String field(JsonParser p) {
        String name = p.currentName();
        return name == null ? "body" : name;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // no handler takes a form body, so the parameters are the query string's
                for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                    Inputs.requireText("parameter name", p.getKey());
                    for (String v : p.getValue()) {
                        Inputs.requireText(p.getKey(), v);
                    }
                }
                if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars) {
                    for (Map.Entry<?, ?> v : vars.entrySet()) {
                        Inputs.requireText(String.valueOf(v.getKey()), String.valueOf(v.getValue()));
                    }
                }
                return true;
            }
        });
    }
}
