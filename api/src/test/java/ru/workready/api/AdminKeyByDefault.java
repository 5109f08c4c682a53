package ru.workready.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Makes the injected MockMvc of {@link ApiTest} send the test admin key unless a request sends its own. */
@TestConfiguration(proxyBeanMethods = false)
public class AdminKeyByDefault {
    @Bean
    MockMvcBuilderCustomizer adminKeyByDefault() {
        return builder -> builder.defaultRequest(get("/").header(ApiTest.API_KEY_HEADER, ApiTest.ADMIN_KEY));
    }
}
