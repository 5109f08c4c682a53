package ru.workready.data.rulesets;

import static ru.workready.data.rulesets.DrlTokens.*;
import static ru.workready.data.rulesets.RuleSetAllowList.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.jspecify.annotations.Nullable;

/** How Java and MVEL resolve a name in one DRL file: its imports, imports on demand, own package, java.lang. */
final class DrlNames {
    final Map<String, String> imports = new HashMap<>();
    final List<String> wildcards = new ArrayList<>();
    private final RuleSetGuard guard;
    private final PackageDescr pkg;

    DrlNames(RuleSetGuard guard, PackageDescr pkg) {
        this.guard = guard;
        this.pkg = pkg;
    }

    @Nullable String qualified(String name) {
        String[] parts = name.split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            prefix.append(i == 0 ? "" : ".").append(parts[i]);
            if (i > 0 && guard.exists(prefix.toString())) {
                return prefix.toString();
            }
        }
        return null;
    }

    static boolean allowedName(String qualifiedName) {
        return allowed(qualifiedName) || ALLOWED_PACKAGES.stream().anyMatch(qualifiedName::startsWith);
    }

    /** How Java and MVEL resolve a simple name here: import, import on demand, own package, java.lang. */
    @Nullable String resolve(String simple) {
        String imported = imports.get(simple);
        if (imported != null) {
            return imported;
        }
        for (String w : wildcards) {
            if (guard.exists(w + "." + simple)) {
                return w + "." + simple;
            }
        }
        String own = pkg.getName() == null || pkg.getName().isEmpty() ? simple : pkg.getName() + "." + simple;
        if (guard.exists(own)) {
            return own;
        }
        if (guard.exists("java.lang." + simple)) {
            return "java.lang." + simple;
        }
        return MVEL_LITERALS.get(simple);
    }

    static String forbidden(String written, String resolved) {
        return (written.equals(resolved) ? resolved : written + " (" + resolved + ")") + " is not allowed: "
                + ALLOW_LIST;
    }
}
