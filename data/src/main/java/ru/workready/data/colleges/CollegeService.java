package ru.workready.data.colleges;

import ru.workready.data.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.Page;
import ru.workready.data.ProblemType;

/** Registering, changing and removing colleges; every field checked, every problem listed. */
@Service
public class CollegeService {
    static final ProblemType INVALID = ProblemType.INVALID_COLLEGE;
    static final ProblemType CONFLICT = ProblemType.COLLEGE_CONFLICT;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");
    private static final int[] INN_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    /** What a college registers with; {@code region} is a region's code or official name. */
    public record Draft(@Nullable String code, @Nullable String name, @Nullable String shortName,
                        @Nullable String region, @Nullable String inn, @Nullable String address) {
    }

    private final CollegeRepository colleges;
    private final RegionRepository regions;

    public CollegeService(CollegeRepository colleges, RegionRepository regions) {
        this.colleges = colleges;
        this.regions = regions;
    }

    public College find(String code) {
        return colleges.find(code).orElseThrow(() -> new NotFoundException("No college with code " + code));
    }

    public Page<College> search(@Nullable String region, @Nullable String q, int page, int size) {
        String regionName = null;
        if (region != null && !region.isBlank()) {
            regionName = regions.resolve(region).map(Region::name).orElseThrow(() -> new InvalidInputException(
                    INVALID, "Unknown region " + region, List.of(new Problem(null, "region", region,
                    "a region's code or official name, see GET /api/regions")), 1));
        }
        return colleges.search(regionName, q, page, size);
    }

    @Transactional
    public College create(Draft d) {
        List<Problem> problems = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            problems.add(new Problem(null, "code", d.code(), "expected 1–40 Latin letters, digits or '-', "
                    + "starting with a letter or digit"));
        }
        Region region = checked(d, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(INVALID, "The college is not valid", problems, problems.size());
        }
        if (colleges.find(d.code()).isPresent()) {
            throw new ConflictException(CONFLICT, "A college with code " + d.code() + " already exists",
                    List.of(new Problem(null, "code", d.code(), "already registered")), 1);
        }
        colleges.insert(d.code(), d.name().strip(), blankToNull(d.shortName()), region.name(), blankToNull(d.inn()),
                blankToNull(d.address()), false);
        return find(d.code());
    }

    /** Changes the given fields (null: unchanged). */
    @Transactional
    public College update(String code, Draft d) {
        College current = find(code);
        Draft merged = new Draft(code, d.name() != null ? d.name() : current.name(),
                d.shortName() != null ? d.shortName() : current.shortName(),
                d.region() != null ? d.region() : current.region(),
                d.inn() != null ? d.inn() : current.inn(), d.address() != null ? d.address() : current.address());
        List<Problem> problems = new ArrayList<>();
        if (d.code() != null && !d.code().equals(code)) {
            problems.add(new Problem(null, "code", d.code(), "a college's code does not change"));
        }
        Region region = checked(merged, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(INVALID, "The change is not valid", problems, problems.size());
        }
        colleges.update(code, merged.name().strip(), blankToNull(merged.shortName()), region.name(),
                blankToNull(merged.inn()), blankToNull(merged.address()));
        return find(code);
    }

    /** Removes a college nothing refers to yet (a mistaken registration); one with students, programmes … stays. */
    @Transactional
    public void delete(String code) {
        find(code);
        Map<String, Long> dependents = colleges.dependents(code);
        if (!dependents.isEmpty()) {
            throw new ConflictException(CONFLICT, "College " + code + " cannot be deleted: it has " + dependents,
                    dependents.entrySet().stream().map(e -> new Problem(null, e.getKey(), e.getValue().toString(),
                            "still refers to the college")).toList(), dependents.size());
        }
        colleges.delete(code);
    }

    private @Nullable Region checked(Draft d, List<Problem> problems) {
        if (d.name() == null || d.name().isBlank() || d.name().length() > 300) {
            problems.add(new Problem(null, "name", d.name(), "required, at most 300 characters"));
        }
        if (d.shortName() != null && d.shortName().length() > 100) {
            problems.add(new Problem(null, "shortName", d.shortName(), "at most 100 characters"));
        }
        if (d.address() != null && d.address().length() > 500) {
            problems.add(new Problem(null, "address", d.address(), "at most 500 characters"));
        }
        if (d.inn() != null && !d.inn().isBlank() && !validInn(d.inn())) {
            problems.add(new Problem(null, "inn", d.inn(), "an organisation's ИНН: 10 digits with a valid check digit"));
        }
        Region region = null;
        if (d.region() == null || d.region().isBlank()) {
            problems.add(new Problem(null, "region", d.region(), "required: a region's code or official name "
                    + "(GET /api/regions)"));
        } else {
            region = regions.resolve(d.region()).orElse(null);
            if (region == null) {
                problems.add(new Problem(null, "region", d.region(), "unknown region: a code or official name "
                        + "from GET /api/regions"));
            }
        }
        return region;
    }

    /** ИНН of a legal entity: ten digits, the last a check digit (weights 2 4 10 3 5 9 4 6 8, mod 11, mod 10). */
    public static boolean validInn(String inn) {
        if (!inn.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (inn.charAt(i) - '0') * INN_WEIGHTS[i];
        }
        return sum % 11 % 10 == inn.charAt(9) - '0';
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
