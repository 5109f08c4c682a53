package ru.workready.data.programmes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/**
 * Collects the parts of a programme read from any {@link ProgrammeFormat} (header, kinds of activity, outcomes),
 * checking each as it comes and listing every problem; builds only when all is well.
 */
final class ProgrammeBuilder {
    private static final Map<String, OutcomeKind> KINDS = new HashMap<>();

    static {
        for (OutcomeKind k : OutcomeKind.values()) {
            KINDS.put(k.name(), k);
        }
        KINDS.put("ПК", OutcomeKind.PROFESSIONAL);
        KINDS.put("ОК", OutcomeKind.GENERAL);
        KINDS.put("ПО", OutcomeKind.EXPERIENCE);
        KINDS.put("У", OutcomeKind.SKILL);
        KINDS.put("З", OutcomeKind.KNOWLEDGE);
    }

    final List<Problem> problems = new ArrayList<>();
    @Nullable String fgosCode;
    @Nullable String name;
    @Nullable String qualification;
    int level;
    int intakeYear;
    final List<ActivityKind> activities = new ArrayList<>();
    final Set<String> activityCodes = new HashSet<>();
    final List<Outcome> outcomes = new ArrayList<>();
    final List<Problem> parentChecks = new ArrayList<>();
    final Map<String, OutcomeKind> outcomeKinds = new HashMap<>();

    void header(@Nullable Integer row, String at, @Nullable String fgos, @Nullable String nm,
                @Nullable String qual, @Nullable String lvl, @Nullable String year) {
        String p = at.equals("/") ? "/" : at;
        if (fgos == null || !fgos.strip().matches("\\d{2}\\.\\d{2}\\.\\d{2}")) {
            problems.add(new Problem(row, p + (row == null ? "fgosCode" : "code"), fgos,
                    "required: a ФГОС code such as 09.02.07"));
        }
        fgosCode = fgos == null ? null : fgos.strip();
        name = required(row, p + "name", nm);
        qualification = required(row, p + "qualification", qual);
        level = integer(row, p + (row == null ? "qualificationLevel" : "qualification_level"), lvl, 1, 9,
                "required: a qualification level 1–9");
        intakeYear = integer(row, p + (row == null ? "intakeYear" : "intake_year"), year, 1990, 2100,
                "required: a year of intake such as 2025");
    }

    void activity(@Nullable Integer row, String at, @Nullable String code, @Nullable String module,
                  @Nullable String nm) {
        String c = required(row, at + "code", code);
        String n = required(row, at + "name", nm);
        if (c != null && !activityCodes.add(c)) {
            problems.add(new Problem(row, at + "code", c, "duplicate kind of activity (ВД) code"));
        }
        if (c != null && n != null) {
            activities.add(new ActivityKind(c, module == null ? "" : module.strip(), n));
        }
    }

    void outcome(@Nullable Integer row, String at, @Nullable String kind, @Nullable String code,
                 @Nullable String nm, @Nullable String activity, @Nullable String parent) {
        OutcomeKind k = kind == null ? null : KINDS.get(kind.strip().toUpperCase(Locale.ROOT));
        if (k == null) {
            problems.add(new Problem(row, at + "kind", kind, "must be " + (row == null ? "" : "PROGRAMME, ACTIVITY, ")
                    + "PROFESSIONAL, GENERAL, EXPERIENCE, SKILL or KNOWLEDGE"));
        }
        String c = required(row, at + "code", code);
        String n = required(row, at + "name", nm);
        String normalized = c == null ? null : OutcomeCodes.normalize(c);
        if (normalized != null && outcomeKinds.containsKey(normalized)) {
            problems.add(new Problem(row, at + "code", c, "duplicate outcome code"));
        }
        String act = activity == null || activity.isBlank() ? null : activity.strip();
        if (act != null && !activityCodes.contains(act)) {
            problems.add(new Problem(row, at + (row == null ? "activityCode" : "activity_code"), act,
                    "unknown kind of activity (ВД): list it before its outcomes"));
        }
        String par = parent == null || parent.isBlank() ? null : OutcomeCodes.normalize(parent);
        if (par != null) {
            parentChecks.add(new Problem(row, at + (row == null ? "parentCode" : "parent_code"), par, ""));
        }
        if (k != null && normalized != null && n != null) {
            outcomeKinds.put(normalized, k);
            outcomes.add(new Outcome(normalized, k, n, act, par));
        }
    }

    Programme build() {
        for (Problem p : parentChecks) {
            OutcomeKind parentKind = outcomeKinds.get(p.value());
            if (parentKind != OutcomeKind.PROFESSIONAL) {
                problems.add(new Problem(p.row(), p.column(), p.value(),
                        parentKind == null ? "unknown parent outcome" : "the parent must be a ПК (PROFESSIONAL)"));
            }
        }
        if (outcomes.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.ofFile("the programme has no outcomes"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ProgrammeFormat.PROBLEM_TYPE, "The programme file has " + problems.size()
                    + " problem(s); nothing was stored", problems.subList(0, Math.min(ProgrammeFormat.MAX_LISTED, problems.size())),
                    problems.size());
        }
        return new Programme(fgosCode, name, qualification, level, intakeYear, activities, outcomes);
    }

    private @Nullable String required(@Nullable Integer row, String column, @Nullable String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(row, column, value, "required"));
            return null;
        }
        return value.strip();
    }

    private int integer(@Nullable Integer row, String column, @Nullable String value, int min, int max,
                        String reason) {
        try {
            int v = Integer.parseInt(value == null ? "" : value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(row, column, value, reason));
        return 0;
    }
}
