package ru.workready.api.trainingorder;

import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.workready.api.security.PublicEndpoint;

/**
 * The regional users' training order page: static files of its own (static/training-order/), reading the JSON API with
 * the user's key; the chart library is the reports page's vendored copy.
 */
@Controller
@PublicEndpoint
class TrainingOrderPage {
    @GetMapping({"/training-order", "/training-order/"})
    String page() {
        return "redirect:/training-order/index.html";
    }

    @Configuration(proxyBeanMethods = false)
    static class Resources implements WebMvcConfigurer {
        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler("/training-order/**").addResourceLocations("classpath:/static/training-order/");
        }
    }
}
