package ru.workready.data.employers;

import ru.workready.data.ConflictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.standards.FunctionCodes;

/**
 * Creates and edits job profiles. A profile may be started from an ОТФ or from every ОТФ of one
 * qualification level of a standard, then adjusted ТФ by ТФ; every bad field is reported at once.
 */
@Service
public class JobProfileService {
    public static final ProblemType INVALID = ProblemType.INVALID_JOB_PROFILE;
    static final int DEFAULT_IMPORTANCE = 3;

    /** Where a new profile takes its starting ТФ from: one ОТФ, or all ОТФ at a qualification level. */
    public record Seed(@Nullable String standard, @Nullable String generalizedFunction,
                       @Nullable Integer qualificationLevel, @Nullable Integer importance) {
    }

    /** One ТФ as the employer states it; a ТФ already seeded is overridden. */
    public record FunctionDraft(@Nullable String standard, @Nullable String function, @Nullable Integer importance,
                                @Nullable Boolean mustHave, @Nullable String minLevel) {
    }

    public record ProfileDraft(@Nullable String code, @Nullable String name, @Nullable Seed from,
                               @Nullable List<FunctionDraft> functions) {
    }

    private final EmployerRepository repository;

    private final ru.workready.data.colleges.RegionRepository regions;

    public JobProfileService(EmployerRepository repository, ru.workready.data.colleges.RegionRepository regions) {
        this.repository = repository;
        this.regions = regions;
    }

    @Transactional
    public EmployerRepository.Employer createEmployer(@Nullable String code, @Nullable String name,
                                                      @Nullable String region) {
        List<Problem> problems = new ArrayList<>();
        require(problems, "code", code);
        require(problems, "name", name);
        require(problems, "region", region);
        String regionName = region == null || region.isBlank() ? null
                : regions.officialName(region).orElse(null);
        if (region != null && !region.isBlank() && regionName == null) {
            problems.add(new Problem(null, "region", region, "unknown region: a code or official name from "
                    + "GET /api/regions"));
        }
        if (code != null && !code.isBlank() && !code.strip().matches("[\\p{L}0-9_.-]{1,64}")) {
            problems.add(new Problem(null, "code", code, "letters, digits, '-', '_' or '.', at most 64"));
        }
        fail(problems, ProblemType.INVALID_EMPLOYER, "The employer cannot be created");
        if (repository.employer(code.strip()).isPresent()) {
            throw new ConflictException(ProblemType.EMPLOYER_CONFLICT,
                    "An employer with code " + code.strip() + " exists");
        }
        try {
            return repository.insertEmployer(code.strip(), name.strip(), regionName);
        } catch (DuplicateKeyException e) {
            // created concurrently since the check above
            throw new ConflictException(ProblemType.EMPLOYER_CONFLICT,
                    "An employer with code " + code.strip() + " exists");
        }
    }

    @Transactional
    public EmployerRepository.JobProfile create(String employerCode, ProfileDraft draft) {
        EmployerRepository.Employer employer = employer(employerCode);
        List<Problem> problems = new ArrayList<>();
        require(problems, "code", draft.code());
        if (draft.code() != null && !draft.code().isBlank() && !draft.code().strip().matches("[\\p{L}0-9_.-]{1,64}")) {
            problems.add(new Problem(null, "code", draft.code(), "letters, digits, '-', '_' or '.', at most 64"));
        }
        require(problems, "name", draft.name());
        List<EmployerRepository.ProfileEntry> entries = entries(draft, problems);
        fail(problems, INVALID, "The job profile has " + problems.size() + " problem(s); nothing was stored");
        if (repository.profile(employer, draft.code().strip()).isPresent()) {
            throw new ConflictException(ProblemType.JOB_PROFILE_CONFLICT,
                    "Employer " + employer.code() + " already has a profile " + draft.code().strip());
        }
        long id;
        try {
            id = repository.insertProfile(employer.id(), draft.code().strip(), draft.name().strip(), entries);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ProblemType.JOB_PROFILE_CONFLICT,
                    "Employer " + employer.code() + " already has a profile " + draft.code().strip());
        }
        return repository.profile(id).orElseThrow();
    }

    /** Replaces the profile's name and ТФ (the profile code stays). */
    @Transactional
    public EmployerRepository.JobProfile replace(String employerCode, String profileCode, ProfileDraft draft) {
        EmployerRepository.JobProfile profile = profile(employerCode, profileCode);
        List<Problem> problems = new ArrayList<>();
        require(problems, "name", draft.name());
        if (draft.code() != null && !draft.code().strip().equals(profileCode)) {
            problems.add(new Problem(null, "code", draft.code(), "the profile code cannot change; create a new profile"));
        }
        List<EmployerRepository.ProfileEntry> entries = entries(draft, problems);
        fail(problems, INVALID, "The job profile has " + problems.size() + " problem(s); nothing was stored");
        repository.replaceProfile(profile.id(), draft.name().strip(), entries);
        return repository.profile(profile.id()).orElseThrow();
    }

    public EmployerRepository.Employer employer(String code) {
        return repository.employer(code).orElseThrow(() -> new NotFoundException("No employer with code " + code));
    }

    public EmployerRepository.JobProfile profile(String employerCode, String profileCode) {
        return repository.profile(employer(employerCode), profileCode).orElseThrow(
                () -> new NotFoundException("Employer " + employerCode + " has no profile " + profileCode));
    }

    private List<EmployerRepository.ProfileEntry> entries(ProfileDraft draft, List<Problem> problems) {
        Map<Long, EmployerRepository.ProfileEntry> byFunction = new LinkedHashMap<>();
        Seed seed = draft.from();
        if (seed != null) {
            seed(seed, problems, byFunction);
        }
        List<FunctionDraft> functions = draft.functions() == null ? List.of() : draft.functions();
        for (int i = 0; i < functions.size(); i++) {
            FunctionDraft f = functions.get(i);
            if (f == null) {
                problems.add(new Problem(null, "functions[" + i + "]", null, "missing"));
                continue;
            }
            EmployerRepository.ProfileEntry entry = entry(f, "functions[" + i + "].", problems);
            if (entry != null) {
                byFunction.put(entry.function().id(), entry);
            }
        }
        if (byFunction.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(null, "functions", null,
                    "a profile needs at least one labour function (list them, or start from an ОТФ or a level)"));
        }
        return List.copyOf(byFunction.values());
    }

    /** One listed function as a profile entry, or null with its problems added (fields prefixed by {@code at}). */
    private EmployerRepository.@Nullable ProfileEntry entry(FunctionDraft f, String at, List<Problem> problems) {
        int before = problems.size();
        require(problems, at + "standard", f.standard());
        require(problems, at + "function", f.function());
        int importance = f.importance() == null ? DEFAULT_IMPORTANCE : f.importance();
        if (importance < 1 || importance > 5) {
            problems.add(new Problem(null, at + "importance", String.valueOf(importance), "must be 1–5"));
        }
        ReadinessLevel min = minLevel(f, at, problems);
        if (problems.size() > before) {
            return null;
        }
        String code = FunctionCodes.normalize(f.function());
        var ref = repository.currentFunction(f.standard().strip(), code);
        if (ref.isEmpty()) {
            problems.add(new Problem(null, at + "function", f.function(),
                    "no labour function " + code + " in the current edition of standard " + f.standard().strip()));
            return null;
        }
        return new EmployerRepository.ProfileEntry(ref.get(), importance, Boolean.TRUE.equals(f.mustHave()), min);
    }

    /** The least level a must-have asks for: READY, PARTIALLY_READY or, when not given, null. */
    private static @Nullable ReadinessLevel minLevel(FunctionDraft f, String at, List<Problem> problems) {
        if (f.minLevel() == null || f.minLevel().isBlank()) {
            return null;
        }
        String key = f.minLevel().strip().toUpperCase(Locale.ROOT);
        if (key.equals("READY") || key.equals("PARTIALLY_READY")) {
            return ReadinessLevel.valueOf(key);
        }
        problems.add(new Problem(null, at + "minLevel", f.minLevel(), "must be READY or PARTIALLY_READY"));
        return null;
    }

    private void seed(Seed seed, List<Problem> problems, Map<Long, EmployerRepository.ProfileEntry> byFunction) {
        require(problems, "from.standard", seed.standard());
        int importance = seed.importance() == null ? DEFAULT_IMPORTANCE : seed.importance();
        if (importance < 1 || importance > 5) {
            problems.add(new Problem(null, "from.importance", String.valueOf(importance), "must be 1–5"));
        }
        boolean byGf = seed.generalizedFunction() != null && !seed.generalizedFunction().isBlank();
        if (byGf == (seed.qualificationLevel() != null)) {
            problems.add(new Problem(null, "from", null,
                    "give either generalizedFunction (an ОТФ code) or qualificationLevel, not both"));
            return;
        }
        if (seed.standard() == null || seed.standard().isBlank() || importance < 1 || importance > 5) {
            return;
        }
        List<EmployerRepository.FunctionRef> refs;
        if (byGf) {
            String gf = FunctionCodes.normalize(seed.generalizedFunction());
            refs = repository.functionsOfGeneralized(seed.standard().strip(), gf);
            if (refs.isEmpty()) {
                problems.add(new Problem(null, "from.generalizedFunction", seed.generalizedFunction(),
                        "no ОТФ " + gf + " in the current edition of standard " + seed.standard().strip()));
            }
        } else {
            refs = repository.functionsAtLevel(seed.standard().strip(), seed.qualificationLevel());
            if (refs.isEmpty()) {
                problems.add(new Problem(null, "from.qualificationLevel", String.valueOf(seed.qualificationLevel()),
                        "no ОТФ at this level in the current edition of standard " + seed.standard().strip()));
            }
        }
        for (EmployerRepository.FunctionRef ref : refs) {
            byFunction.put(ref.id(), new EmployerRepository.ProfileEntry(ref, importance, false, null));
        }
    }

    private static void require(List<Problem> problems, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(null, field, value, "required"));
        }
    }

    private static void fail(List<Problem> problems, ProblemType type, String message) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(type, message, problems, problems.size());
        }
    }
}
