package ru.workready.api.security;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import ru.workready.data.security.AuditRepository;
import ru.workready.data.security.Role;

/** One audit event: who (key, organisation, role; null for none) did what to which subject, by which request. */
record AuditEventView(long id, OffsetDateTime at, @Nullable Long keyId, String organisation, @Nullable Role role,
                      String action, String subjectKind, String subjectId, String method, String path, int status) {

    static AuditEventView from(AuditRepository.AuditEvent e) {
        return new AuditEventView(e.id(), e.at(), e.keyId(), e.organisation(), e.role(), e.action(), e.subjectKind(),
                e.subjectId(), e.method(), e.path(), e.status());
    }
}
