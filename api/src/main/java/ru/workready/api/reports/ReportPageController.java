package ru.workready.api.reports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The designers' page is static HTML (static/reports/) that reads the JSON reports. */
@Controller
class ReportPageController {
    @GetMapping({"/reports", "/reports/"})
    String page() {
        return "redirect:/reports/index.html";
    }
}
