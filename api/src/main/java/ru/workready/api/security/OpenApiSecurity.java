package ru.workready.api.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the API key in the OpenAPI document, so that Swagger UI's "Authorize" sends it. */
@Configuration
class OpenApiSecurity {
    private static final String SCHEME = "apiKey";

    static {
        // a Caller parameter is resolved from the key, not sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenApiCustomizer apiKeySecurity() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                    .description("An organisation's API key; see docs/security.md"));
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
