package ru.workready.api.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The role pages' files and the layout, style and helpers they share with the designers' page (static/common). */
@Configuration(proxyBeanMethods = false)
class RolePageResources implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String page : new String[] {"common", "college", "employer", "admin"}) {
            registry.addResourceHandler("/" + page + "/**").addResourceLocations("classpath:/static/" + page + "/");
        }
    }
}
