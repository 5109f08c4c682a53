package ru.workready.api.expertise;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import ru.workready.api.security.PublicEndpoint;

/** /expertise opens the list of the caller's expertises (static HTML reading /api/expertises). */
@Controller
@PublicEndpoint
class ExpertisePageController {
    @GetMapping({"/expertise", "/expertise/"})
    String page() {
        return "redirect:/expertise/index.html";
    }
}
