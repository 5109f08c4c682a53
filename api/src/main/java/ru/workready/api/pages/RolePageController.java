package ru.workready.api.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import ru.workready.api.security.PublicEndpoint;

/**
 * The pages of the college, the employer and the administrator: static HTML and script (static/college, …) that call
 * the API with the key the user enters. Only the empty shells are public; every number comes from /api with a key.
 */
@Controller
@PublicEndpoint
class RolePageController {
    @GetMapping({"/college", "/college/"})
    String college() {
        return "redirect:/college/index.html";
    }

    @GetMapping({"/employer", "/employer/"})
    String employer() {
        return "redirect:/employer/index.html";
    }

    @GetMapping({"/admin", "/admin/"})
    String admin() {
        return "redirect:/admin/index.html";
    }
}
