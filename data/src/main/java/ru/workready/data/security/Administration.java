package ru.workready.data.security;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What an administrator reads and revokes: API keys, organisations, the audit log.
 */
@Service
public class Administration {
    private final ApiKeyRepository keys;
    private final AuditRepository audit;
    private final OrganisationRepository organisations;

    Administration(ApiKeyRepository keys, AuditRepository audit, OrganisationRepository organisations) {
        this.keys = keys;
        this.audit = audit;
        this.organisations = organisations;
    }

    public Optional<ApiKeyRepository.StoredKey> key(long id) {
        return keys.find(id);
    }

    public List<ApiKeyRepository.StoredKey> keys(@Nullable String organisation) {
        return keys.list(organisation);
    }

    public boolean revoke(long id) {
        return keys.revoke(id);
    }

    public List<AuditRepository.AuditEvent> audit(AuditRepository.Query q) {
        return audit.query(q);
    }

    public List<OrganisationRepository.Organisation> organisations() {
        return organisations.list();
    }
}
