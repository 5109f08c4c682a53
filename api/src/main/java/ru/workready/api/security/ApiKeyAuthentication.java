package ru.workready.api.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated API key: the {@link Caller} is the principal; authorities are the key's role ({@code ROLE_ADMIN},
 * …) and its organisation's kind ({@code ROLE_ORG_OPERATOR}, …). The secret is never kept.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;

    ApiKeyAuthentication(Caller caller, String organisationKind) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()),
                new SimpleGrantedAuthority("ROLE_ORG_" + organisationKind)));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
