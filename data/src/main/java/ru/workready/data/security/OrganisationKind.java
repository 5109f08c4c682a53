package ru.workready.data.security;

import java.util.Set;

/** Kinds of organisation holding keys, and the roles their keys may carry. */
public enum OrganisationKind {
    COLLEGE(Set.of(Role.COLLEGE, Role.CURRICULUM_DESIGNER)),
    EMPLOYER(Set.of(Role.EMPLOYER)),
    /** A regional authority or ministry: programmes, mappings and reports, no individual students. */
    REGION(Set.of(Role.CURRICULUM_DESIGNER)),
    /** Whoever runs the installation. */
    OPERATOR(Set.of(Role.ADMIN, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR));

    private final Set<Role> roles;

    OrganisationKind(Set<Role> roles) {
        this.roles = roles;
    }

    public Set<Role> roles() {
        return roles;
    }
}
