package ru.workready.api.reports;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The designers' page's own files (HTML, script, style, the vendored chart library); the role pages' are in {@code pages}. */
@Configuration(proxyBeanMethods = false)
class ReportPageResources implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/reports/**").addResourceLocations("classpath:/static/reports/");
    }
}
