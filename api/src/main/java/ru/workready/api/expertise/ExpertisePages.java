package ru.workready.api.expertise;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The expertise pages' own files (static/expertise/): the expert's review page (index.html), the college's results
 * (results.html) and the printable conclusion (conclusion.html). Public files; everything they show comes from the
 * /api/expertises endpoints with the key entered on the page (docs/expertise.md).
 */
@Configuration(proxyBeanMethods = false)
class ExpertisePages implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/expertise/**").addResourceLocations("classpath:/static/expertise/");
    }
}
