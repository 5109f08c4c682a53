package ru.workready.data.security;

import ru.workready.data.ConflictException;
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
import ru.workready.data.ProblemType;
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
    /**
     * A configured admin key must look like a generated one ({@code wr_} + base64url), with at least
     * this many characters after the prefix, so that its plain hash is as safe as a generated key's.
     */
    public static final int MIN_CONFIGURED_LENGTH = 32;
    /** What a configured admin key must look like. */
    public static final Pattern CONFIGURED_KEY = Pattern.compile("wr_[A-Za-z0-9_-]{" + MIN_CONFIGURED_LENGTH + ",}");
    /**
     * The display prefix stored for a configured admin key: nothing of the configured secret is
     * stored or listed, since an operator may have chosen it less randomly than a generated one.
     * Longer than any generated key's prefix, so the two are never confused.
     */
    public static final String CONFIGURED_PREFIX = "wr_configured";
    public static final String OPERATOR = "ADMIN";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ProblemType INVALID_ORGANISATION = ProblemType.INVALID_ORGANISATION;
    private static final ProblemType INVALID_KEY = ProblemType.INVALID_KEY_REQUEST;

    /** A freshly created key: the secret is shown once and cannot be recovered later. */
    public record CreatedKey(StoredKey key, String secret) {
    }

    private final SecureRandom random = new SecureRandom();
    private final OrganisationRepository organisations;
    private final ApiKeyRepository keys;
    private final ProgrammeRepository programmes;
    private final ru.workready.data.colleges.RegionRepository regions;

    private final java.time.Clock clock;

    public ApiKeyService(OrganisationRepository organisations, ApiKeyRepository keys, ProgrammeRepository programmes,
                         ru.workready.data.colleges.RegionRepository regions, java.time.Clock clock) {
        this.regions = regions;
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
        return createOrganisation(code, name, kind, college, null);
    }

    /** {@code region}: the region (code or official name) a REGION organisation plans for; null: any region. */
    @Transactional
    public Organisation createOrganisation(@Nullable String code, @Nullable String name, @Nullable OrganisationKind kind,
                                           @Nullable String college, @Nullable String region) {
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
        regionProblem(kind, region).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(INVALID_ORGANISATION, "The organisation is not valid", problems,
                    problems.size());
        }
        if (organisations.find(code).isPresent()) {
            throw new ConflictException(ProblemType.ORGANISATION_CONFLICT, "An organisation with code " + code
                    + " exists already");
        }
        organisations.insert(code, name, kind, collegeId, boundRegion(kind, region));
        return organisations.find(code).orElseThrow();
    }

    /** Only a REGION organisation is bound to a region, and only to a known one. */
    private Optional<InvalidInputException.Problem> regionProblem(@Nullable OrganisationKind kind,
                                                                  @Nullable String region) {
        if (region == null) {
            return Optional.empty();
        }
        if (kind != OrganisationKind.REGION) {
            return Optional.of(new InvalidInputException.Problem(null, "region", region,
                    "only a REGION organisation is bound to a region"));
        }
        return regions.officialName(region.strip()).isPresent() ? Optional.empty()
                : Optional.of(new InvalidInputException.Problem(null, "region", region,
                "unknown region: a code or official name from GET /api/regions"));
    }

    private @Nullable String boundRegion(OrganisationKind kind, @Nullable String region) {
        return kind != OrganisationKind.REGION || region == null ? null
                : regions.officialName(region.strip()).orElseThrow();
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
        if (expiresAt != null && !ru.workready.data.Inputs.inRange(expiresAt.toLocalDate())) {
            problems.add(new InvalidInputException.Problem(null, "expiresAt", expiresAt.toString(),
                    ru.workready.data.Inputs.DATE_REASON));
        } else if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now(clock))) {
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
            checkConfiguredKey(configuredKey);
            Optional<StoredKey> stored = keys.byHash(hash(configuredKey));
            if (stored.isEmpty()) {
                keys.insert(operator, Role.ADMIN, "configured admin key", CONFIGURED_PREFIX,
                        hash(configuredKey), null, null, null);
            } else if (!CONFIGURED_PREFIX.equals(stored.get().prefix())) {
                // stored by an earlier version with the secret's first characters: forget them
                keys.setPrefix(stored.get().id(), CONFIGURED_PREFIX);
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

    /**
     * Refuses a configured admin key that does not look like a generated one: {@code wr_} and at
     * least {@value #MIN_CONFIGURED_LENGTH} characters of the base64url alphabet. The message names
     * the property and the environment variable, never the value.
     */
    public static void checkConfiguredKey(String configuredKey) {
        if (!CONFIGURED_KEY.matcher(configuredKey).matches()) {
            throw new IllegalStateException("The configured admin key (property workready.admin-key, environment "
                    + "variable WORKREADY_ADMIN_KEY) must be 'wr_' followed by at least " + MIN_CONFIGURED_LENGTH
                    + " characters of A-Z, a-z, 0-9, '-' and '_' (base64url), e.g. wr_$(openssl rand -base64 32 "
                    + "| tr '+/' '-_' | tr -d '='); the configured value has " + configuredKey.length()
                    + " characters" + (configuredKey.startsWith(SECRET_PREFIX) ? "" : " and does not start with 'wr_'"));
        }
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
