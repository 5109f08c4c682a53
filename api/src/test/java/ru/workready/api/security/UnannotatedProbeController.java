package ru.workready.api.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint declaring no roles: shows that such an endpoint is ADMIN-only. */
@RestController
class UnannotatedProbeController {
    @GetMapping("/api/test-probes/unannotated")
    String probe() {
        return "ok";
    }
}
