package ru.workready.api.security;

import ru.workready.data.security.Administration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.security.ApiKeyRepository.StoredKey;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.AuditRepository;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;

/** Organisations, their API keys and the audit log (admin); and who am I (any key). */
@RestController
@Tag(name = "Security")
class SecurityController {
    static final int MAX_AUDIT_ROWS = 1000;

    /** {@code region}: for a REGION organisation, the region (code or official name) it plans for; none: any. */
    record NewOrganisation(@Nullable String code, @Nullable String name, @Nullable OrganisationKind kind,
                           @Nullable String college, @Nullable String region) {
    }

    record NewKey(@Nullable Role role, @Nullable String name, @Nullable OffsetDateTime expiresAt,
                  @Nullable Integer requestsPerMinute) {
    }

    /** A key as listed: never the secret, which exists only in {@link CreatedKeyView}. */
    record KeyView(long id, String prefix, String organisation, Role role, @Nullable String college,
                   @Nullable String region, String name, @Nullable Integer requestsPerMinute, OffsetDateTime createdAt,
                   @Nullable OffsetDateTime expiresAt, @Nullable OffsetDateTime revokedAt) {
        static KeyView of(StoredKey k) {
            return new KeyView(k.id(), k.prefix(), k.organisation(), k.role(), k.college(), k.region(), k.name(),
                    k.requestsPerMinute(), k.createdAt(), k.expiresAt(), k.revokedAt());
        }
    }

    record CreatedKeyView(String key, KeyView details) {
    }

    private final ApiKeyService service;
    private final Administration admin;

    SecurityController(ApiKeyService service, Administration admin) {
        this.service = service;
        this.admin = admin;
    }

    @GetMapping("/api/me")
    @Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
    @Operation(summary = "The calling key: organisation, role, college, expiry")
    KeyView me(Caller caller) {
        return KeyView.of(admin.key(caller.keyId()).orElseThrow());
    }

    @PostMapping("/api/organisations")
    @Allowed(Role.ADMIN)
    @Audited(action = "create-organisation", subjectKind = "organisation", subject = "code")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organisation (COLLEGE bound to an existing college, EMPLOYER, REGION — optionally "
            + "bound to a region, whose planning alone its designers then see — OPERATOR)")
    OrganisationView createOrganisation(@RequestBody NewOrganisation o) {
        return OrganisationView.from(service.createOrganisation(o.code(), o.name(), o.kind(), o.college(),
                o.region()));
    }

    @GetMapping("/api/organisations")
    @Allowed(Role.ADMIN)
    @Operation(summary = "All organisations")
    List<OrganisationView> organisations() {
        return admin.organisations().stream().map(OrganisationView::from).toList();
    }

    @PostMapping("/api/organisations/{code}/keys")
    @Allowed(Role.ADMIN)
    @Audited(action = "create-key", subjectKind = "organisation", subject = "code")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key for an organisation; the secret is in this answer only",
            description = "Roles an organisation may give its keys: COLLEGE → COLLEGE, CURRICULUM_DESIGNER; "
                    + "EMPLOYER → EMPLOYER; REGION → CURRICULUM_DESIGNER; OPERATOR → ADMIN, CURRICULUM_DESIGNER. "
                    + "expiresAt (ISO-8601 with offset) and requestsPerMinute are optional.")
    CreatedKeyView createKey(@PathVariable String code, @RequestBody NewKey k, Caller caller) {
        ApiKeyService.CreatedKey created = service.createKey(code, k.role(), k.name(), k.expiresAt(),
                k.requestsPerMinute(), caller.keyId());
        return new CreatedKeyView(created.secret(), KeyView.of(created.key()));
    }

    @GetMapping("/api/keys")
    @Allowed(Role.ADMIN)
    @Operation(summary = "API keys (never their secrets), of one organisation with ?organisation=")
    List<KeyView> keys(@RequestParam(required = false) @Nullable String organisation) {
        return admin.keys(organisation).stream().map(KeyView::of).toList();
    }

    @DeleteMapping("/api/keys/{id}")
    @Allowed(Role.ADMIN)
    @Audited(action = "revoke-key", subjectKind = "key", subject = "id")
    @Operation(summary = "Revoke a key at once; it stays listed with its revocation time")
    KeyView revoke(@PathVariable long id) {
        if (!admin.revoke(id)) {
            throw new NotFoundException("No API key with id " + id);
        }
        return KeyView.of(admin.key(id).orElseThrow());
    }

    @GetMapping("/api/audit")
    @Allowed(Role.ADMIN)
    @Audited(action = "read-audit-log", subjectKind = "audit", subject = "subject")
    @Operation(summary = "Audit events, newest first: reads of students' data, report downloads, uploads",
            description = "Filters: subjectKind (student, college, report …), subject (its id), organisation, key "
                    + "(key id), from/to (ISO-8601 with offset); limit ≤ 1000.")
    List<AuditEventView> audit(@RequestParam(required = false) @Nullable String subjectKind,
                                           @RequestParam(required = false) @Nullable String subject,
                                           @RequestParam(required = false) @Nullable String organisation,
                                           @RequestParam(required = false) @Nullable Long key,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime to,
                                           @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_AUDIT_ROWS) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER, "limit must be 1–" + MAX_AUDIT_ROWS,
                    List.of(new InvalidInputException.Problem(null, "limit", Integer.toString(limit),
                            "expected 1–" + MAX_AUDIT_ROWS)), 1);
        }
        ru.workready.data.Inputs.requireDateTime("from", from);
        ru.workready.data.Inputs.requireDateTime("to", to);
        return admin.audit(new AuditRepository.Query(subjectKind, subject, organisation, key, from, to, limit))
                .stream().map(AuditEventView::from).toList();
    }
}
