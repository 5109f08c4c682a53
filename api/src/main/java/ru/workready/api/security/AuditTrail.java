package ru.workready.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.workready.data.security.AuditRepository;

/**
 * Audit events a controller writes itself, when the subjects are known only from the answer — e.g.
 * the students an employer's candidate list disclosed. ({@link Audited} covers one subject per call.)
 */
@Component
public class AuditTrail {
    private final AuditRepository audit;

    AuditTrail(AuditRepository audit) {
        this.audit = audit;
    }

    /** One event per subject, attributed to the current caller and request (status 200). */
    public void disclosed(String action, String subjectKind, Collection<String> subjectIds) {
        Caller caller = Caller.current();
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        for (String id : subjectIds) {
            audit.append(caller.keyId(), caller.organisation(), caller.role(), action, subjectKind, id,
                    request.getMethod(), path, 200);
        }
    }
}
