package ru.workready.data.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.Hashes;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.ApiKeyRepository.StoredKey;
import ru.workready.data.security.OrganisationRepository.Organisation;

/**
 * Organisations and their API keys. A key is {@code wr_} + 32 random bytes (base64url); only its
 * SHA-256 is stored. A plain fast hash is enough because the secret has 256 bits of entropy: there
 * is nothing to brute-force, unlike a password, and an unsalted hash lets a request find its key by
 * one index lookup. A stolen database therefore yields no usable key.
 */
@Service
public class ApiKeyService {
    public static final String SECRET_PREFIX = "wr_";
    /** A configured admin key must be long enough that its plain hash is safe too. */
    public static final int MIN_CONFIGURED_LENGTH = 32;
    public static final String OPERATOR = "ADMIN";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String INVALID_ORGANISATION = "invalid-organisation";
    private static final String INVALID_KEY = "invalid-key-request";

    /** A freshly created key: the secret is shown once and cannot be recovered later. */
    public record CreatedKey(StoredKey key, String secret) {
    }

    private final SecureRandom random = new SecureRandom();
    private final OrganisationRepository organisations;
    private final ApiKeyRepository keys;
    private final ProgrammeRepository programmes;

    private final java.time.Clock clock;

    public ApiKeyService(OrganisationRepository organisations, ApiKeyRepository keys, ProgrammeRepository programmes,
                         java.time.Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.keys = keys;
        this.programmes = programmes;
    }

    public static String hash(String secret) {
        return Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The stored key the secret belongs to, usable or not; empty for an unknown secret. */
    public Optional<StoredKey> find(String secret) {
        return keys.byHash(hash(secret));
    }

    @Transactional
    public Organisation createOrganisation(@Nullable String code, @Nullable String name, @Nullable OrganisationKind kind,
                                           @Nullable String college) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new InvalidInputException.Problem(null, "code", code,
                    "expected 1–64 Latin letters, digits, '.', '_' or '-'"));
        }
        if (name == null || name.isBlank() || name.length() > 300) {
            problems.add(new InvalidInputException.Problem(null, "name", name, "required, at most 300 characters"));
        }
        if (kind == null) {
            problems.add(new InvalidInputException.Problem(null, "kind", null,
                    "required: COLLEGE, EMPLOYER, REGION or OPERATOR"));
        }
        Long collegeId = null;
        if (kind == OrganisationKind.COLLEGE) {
            collegeId = college == null ? null : programmes.collegeId(college).orElse(null);
            if (collegeId == null) {
                problems.add(new InvalidInputException.Problem(null, "college", college,
                        "a college organisation needs the code of an existing college"));
            }
        } else if (college != null) {
            problems.add(new InvalidInputException.Problem(null, "college", college,
                    "only a college organisation is bound to a college"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(INVALID_ORGANISATION, "The organisation is not valid", problems,
                    problems.size());
        }
        if (organisations.find(code).isPresent()) {
            throw new InvalidInputException("organisation-conflict", "An organisation with code " + code
                    + " exists already");
        }
        organisations.insert(code, name, kind, collegeId);
        return organisations.find(code).orElseThrow();
    }

    @Transactional
    public CreatedKey createKey(String organisationCode, @Nullable Role role, @Nullable String name,
                                @Nullable OffsetDateTime expiresAt, @Nullable Integer requestsPerMinute,
                                @Nullable Long createdBy) {
        Organisation organisation = organisations.find(organisationCode)
                .orElseThrow(() -> new NotFoundException("No organisation with code " + organisationCode));
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (role == null || !organisation.kind().roles().contains(role)) {
            problems.add(new InvalidInputException.Problem(null, "role", role == null ? null : role.name(),
                    "an organisation of kind " + organisation.kind() + " may hold keys with roles "
                            + organisation.kind().roles().stream().map(Enum::name).sorted().toList()));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new InvalidInputException.Problem(null, "name", name, "required, at most 200 characters"));
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now(clock))) {
            problems.add(new InvalidInputException.Problem(null, "expiresAt", expiresAt.toString(),
                    "must be in the future"));
        }
        if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > 1_000_000)) {
            problems.add(new InvalidInputException.Problem(null, "requestsPerMinute", requestsPerMinute.toString(),
                    "expected 1–1000000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(INVALID_KEY, "The key request is not valid", problems, problems.size());
        }
        String secret = newSecret();
        long id = keys.insert(organisation.id(), role, name, displayPrefix(secret), hash(secret), requestsPerMinute,
                createdBy, expiresAt);
        return new CreatedKey(keys.find(id).orElseThrow(), secret);
    }

    /**
     * Makes sure an admin can get in. A configured key is stored (once) under the operator
     * organisation; without one, a key is generated if no usable admin key exists, and returned so
     * that the caller can print it once.
     */
    @Transactional
    public Optional<String> bootstrapAdmin(@Nullable String configuredKey) {
        long operator = organisations.find(OPERATOR).map(Organisation::id)
                .orElseGet(() -> organisations.insert(OPERATOR, "Operator of this installation",
                        OrganisationKind.OPERATOR, null));
        if (configuredKey != null && !configuredKey.isBlank()) {
            if (configuredKey.length() < MIN_CONFIGURED_LENGTH) {
                throw new IllegalStateException("The configured admin key (WORKREADY_ADMIN_KEY) must have at least "
                        + MIN_CONFIGURED_LENGTH + " characters");
            }
            if (keys.byHash(hash(configuredKey)).isEmpty()) {
                keys.insert(operator, Role.ADMIN, "configured admin key", displayPrefix(configuredKey),
                        hash(configuredKey), null, null, null);
            }
            return Optional.empty();
        }
        if (keys.anyUsableAdminKey()) {
            return Optional.empty();
        }
        String secret = newSecret();
        keys.insert(operator, Role.ADMIN, "first admin key", displayPrefix(secret), hash(secret), null, null, null);
        return Optional.of(secret);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Enough of the secret to tell keys apart in listings and logs, too little to matter. */
    private static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), SECRET_PREFIX.length() + 6));
    }
}
