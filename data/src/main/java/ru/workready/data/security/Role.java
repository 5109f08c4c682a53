package ru.workready.data.security;

/** What an API key may do (DESIGN §1). Held by a key, not by a person: keys are per organisation. */
public enum Role {
    /** A college (колледж): its own students, uploads and their readiness. */
    COLLEGE,
    /** An employer (работодатель): job profiles, aggregates, candidates who consented. */
    EMPLOYER,
    /** A curriculum designer (методист): programmes, mappings, gap reports; no individual students. */
    CURRICULUM_DESIGNER,
    /**
     * A methodologist who writes rule sets (методист по правилам): uploads, previews, activates and rolls back rule-set
     * versions, and nothing else beyond reading standards and programmes. Held by keys of OPERATOR organisations.
     */
    RULE_AUTHOR,
    /** The operator: standards, rule sets, organisations, keys, the audit log; may call everything. */
    ADMIN
}
