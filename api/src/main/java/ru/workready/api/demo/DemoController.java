package ru.workready.api.demo;

import ru.workready.data.demo.DemoRemoval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.workready.data.InvalidInputException;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.data.ProblemType;
import ru.workready.data.security.Role;
import ru.workready.data.demo.DemoRepository;

/** Removing the demo from a database that is going to hold a real college. */
@RestController
@Tag(name = "Demo")
class DemoController {
    private final DemoRemoval demo;

    DemoController(DemoRemoval demo) {
        this.demo = demo;
    }

    @DeleteMapping("/api/demo")
    @Allowed(Role.ADMIN)
    @Audited(action = "remove-demo", subjectKind = "demo", subject = "demo")
    @Operation(summary = "Remove the demo: the demo college with its students, results, scores, uploads and programmes, "
            + "the demo region's employers and demand; it is not loaded again. Standards stay. 409 while an "
            + "organisation is bound to the demo college. Confirm with ?confirm=DEMO.")
    DemoRemovalView remove(@RequestParam(required = false) @Nullable String confirm) {
        if (!"DEMO".equals(confirm)) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER,
                    "Removing the demo deletes data: confirm with ?confirm=DEMO",
                    List.of(new InvalidInputException.Problem(null, "confirm", confirm, "expected DEMO")), 1);
        }
        return DemoRemovalView.from(demo.remove());
    }
}
