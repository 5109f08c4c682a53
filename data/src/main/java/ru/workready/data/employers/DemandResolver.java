package ru.workready.data.employers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.colleges.RegionRepository;
import ru.workready.data.employers.DemandService.DemandDraft;
import ru.workready.data.employers.EmployerRepository.FunctionRef;
import ru.workready.engine.standards.FunctionCodes;

/**
 * Checks the rows of one demand upload and resolves what each is for — an employer's job profile, a ТФ or a
 * qualification (ОТФ) of a standard's current edition — listing every problem by row and column. One instance per
 * upload: each look-up is asked of the database once however many rows repeat it.
 */
final class DemandResolver {
    /** A row as it is stored. */
    record Resolved(String region, int year, int needed, @Nullable Long profileId, @Nullable Long functionId,
                    @Nullable Long generalizedId, @Nullable String source) {
    }

    /** What a row declares demand for: exactly one id is set when it resolved. */
    private record Target(@Nullable Long profileId, @Nullable Long functionId, @Nullable Long generalizedId) {
        static final Target NONE = new Target(null, null, null);
    }

    private final JdbcClient jdbc;
    private final EmployerRepository employers;
    private final RegionRepository regions;
    /** "row|column" of the values already reported as unparsable, so they are not also "required". */
    private final Set<String> unparsed;
    /** An employer's key: only that employer's job profiles. */
    private final @Nullable String ownEmployer;
    private final Map<String, Optional<EmployerRepository.Employer>> employerByCode = new HashMap<>();
    private final Map<String, Optional<Long>> profiles = new HashMap<>();
    private final Map<String, Optional<Long>> functions = new HashMap<>();
    private final Map<String, Optional<Long>> generalized = new HashMap<>();

    DemandResolver(JdbcClient jdbc, EmployerRepository employers, RegionRepository regions, Set<String> unparsed,
                   @Nullable String ownEmployer) {
        this.jdbc = jdbc;
        this.employers = employers;
        this.regions = regions;
        this.unparsed = unparsed;
        this.ownEmployer = ownEmployer;
    }

    /** The rows that resolved; the others' problems are added to {@code problems}. */
    List<Resolved> resolve(List<DemandDraft> drafts, List<Integer> rows, List<Problem> problems) {
        List<Resolved> resolved = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            DemandDraft d = drafts.get(i);
            int row = rows.get(i);
            if (d == null) {
                problems.add(new Problem(row, null, null, "missing"));
                continue;
            }
            int before = problems.size();
            String regionName = region(d, row, problems);
            checkYearAndNeeded(d, row, problems);
            Target t = target(d, row, problems);
            if (problems.size() > before || regionName == null || d.year() == null || d.needed() == null) {
                continue;
            }
            String key = regionName + '|' + d.year() + '|' + t.profileId() + '|' + t.functionId() + '|'
                    + t.generalizedId();
            Integer first = seen.putIfAbsent(key, row);
            if (first != null) {
                problems.add(new Problem(row, null, null, "the same region, year and target as row " + first));
                continue;
            }
            resolved.add(new Resolved(regionName, d.year(), d.needed(), t.profileId(), t.functionId(),
                    t.generalizedId(), d.source()));
        }
        return resolved;
    }

    private @Nullable String region(DemandDraft d, int row, List<Problem> problems) {
        if (d.region() == null || d.region().isBlank()) {
            problems.add(new Problem(row, "region", null, "required"));
            return null;
        }
        String regionName = regions.officialName(d.region()).orElse(null);
        if (regionName == null) {
            problems.add(new Problem(row, "region", d.region(), "unknown region: a code or official name "
                    + "from GET /api/regions"));
        }
        return regionName;
    }

    private void checkYearAndNeeded(DemandDraft d, int row, List<Problem> problems) {
        if (d.year() == null) {
            if (!unparsed.contains(row + "|year")) {
                problems.add(new Problem(row, "year", null, "required"));
            }
        } else if (d.year() < 2000 || d.year() > 2100) {
            problems.add(new Problem(row, "year", String.valueOf(d.year()), "expected a year 2000–2100"));
        }
        if (d.needed() == null) {
            if (!unparsed.contains(row + "|needed")) {
                problems.add(new Problem(row, "needed", null, "required"));
            }
        } else if (d.needed() < 0) {
            problems.add(new Problem(row, "needed", String.valueOf(d.needed()), "must not be negative"));
        }
    }

    /** Either employer and profile, or standard and ТФ / ОТФ code — never both, never neither. */
    private Target target(DemandDraft d, int row, List<Problem> problems) {
        boolean byProfile = notBlank(d.employer()) || notBlank(d.profile());
        boolean byFunction = notBlank(d.standard()) || notBlank(d.function());
        if (ownEmployer != null && byFunction && !byProfile) {
            problems.add(new Problem(row, "standard_code", d.standard(), "an employer declares demand for its own "
                    + "job profiles (employer, profile); regional needs by ТФ or qualification are declared by the "
                    + "administrator"));
        } else if (byProfile == byFunction) {
            problems.add(new Problem(row, byProfile ? "profile" : "function_code", null,
                    "give either employer and profile, or standard_code and function_code"));
        } else if (byProfile) {
            return profile(d, row, problems);
        } else if (!notBlank(d.standard()) || !notBlank(d.function())) {
            problems.add(new Problem(row, notBlank(d.standard()) ? "function_code" : "standard_code", null,
                    "required with " + (notBlank(d.standard()) ? "standard_code" : "function_code")));
        } else {
            return function(d, row, problems);
        }
        return Target.NONE;
    }

    private Target profile(DemandDraft d, int row, List<Problem> problems) {
        if (!notBlank(d.employer()) || !notBlank(d.profile())) {
            problems.add(new Problem(row, notBlank(d.employer()) ? "profile" : "employer", null,
                    "required with " + (notBlank(d.employer()) ? "employer" : "profile")));
            return Target.NONE;
        }
        // another employer's code reads as unknown: an employer's key cannot probe others
        var employer = ownEmployer != null && !ownEmployer.equals(d.employer().strip())
                ? Optional.<EmployerRepository.Employer>empty() : employer(d.employer().strip());
        var profile = employer.flatMap(e -> profileId(e, d.profile().strip()));
        if (employer.isEmpty()) {
            problems.add(new Problem(row, "employer", d.employer(), "unknown employer"));
        } else if (profile.isEmpty()) {
            problems.add(new Problem(row, "profile", d.profile(), "unknown profile of employer "
                    + d.employer().strip()));
        } else {
            return new Target(profile.get(), null, null);
        }
        return Target.NONE;
    }

    /** A code with a slash is a ТФ (A/01.3), without one an ОТФ (A), of the standard's current edition. */
    private Target function(DemandDraft d, int row, List<Problem> problems) {
        String standard = d.standard().strip();
        String code = FunctionCodes.normalize(d.function());
        if (code.contains("/")) {
            var f = functions.computeIfAbsent(standard + "|" + code,
                    k -> employers.currentFunction(standard, code).map(FunctionRef::id));
            if (f.isPresent()) {
                return new Target(null, f.get(), null);
            }
            problems.add(new Problem(row, "function_code", d.function(),
                    "no labour function " + code + " in the current edition of " + standard));
        } else {
            var g = generalized.computeIfAbsent(standard + "|" + code,
                    k -> employers.currentGeneralizedFunction(standard, code));
            if (g.isPresent()) {
                return new Target(null, null, g.get());
            }
            problems.add(new Problem(row, "function_code", d.function(),
                    "no ОТФ " + code + " in the current edition of " + standard));
        }
        return Target.NONE;
    }

    private Optional<EmployerRepository.Employer> employer(String code) {
        return employerByCode.computeIfAbsent(code, employers::employer);
    }

    private Optional<Long> profileId(EmployerRepository.Employer employer, String code) {
        return profiles.computeIfAbsent(employer.id() + "|" + code, k -> jdbc.sql(
                        "select id from job_profile where employer_id = ? and code = ?")
                .params(employer.id(), code).query(Long.class).optional());
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
