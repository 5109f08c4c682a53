package ru.workready.api.reports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import ru.workready.api.security.PublicEndpoint;

/** The designers' page is static HTML (static/reports/) that reads the JSON reports. */
@Controller
@PublicEndpoint
class ReportPageController {
    @GetMapping({"/reports", "/reports/"})
    String page() {
        return "redirect:/reports/index.html";
    }
}
