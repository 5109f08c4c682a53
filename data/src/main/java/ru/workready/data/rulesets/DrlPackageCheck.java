package ru.workready.data.rulesets;

import static ru.workready.data.rulesets.RuleSetAllowList.*;

import java.util.Set;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;

/** The package-level part of a DRL file's check: imports, declarations, attributes, the package's own name. */
final class DrlPackageCheck {
    private final DrlFileCheck file;
    private final DrlNames names;
    private final PackageDescr pkg;

    DrlPackageCheck(DrlFileCheck file, DrlNames names, PackageDescr pkg) {
        this.file = file;
        this.names = names;
        this.pkg = pkg;
    }

    /** Imports of classes, functions and accumulate functions: only what the allow-list names. */
    void imports() {
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget().strip();
            if (target.endsWith(".*")) {
                String p = target.substring(0, target.length() - 2);
                if (allowedPackage(p)) {
                    names.wildcards.add(p);
                } else {
                    file.add(i.getLine(), target, "import " + target + " is not allowed: " + ALLOW_LIST);
                }
            } else {
                names.imports.put(target.substring(target.lastIndexOf('.') + 1), target);
                if (!allowed(target)) {
                    file.add(i.getLine(), target, "import " + target + " is not allowed: " + ALLOW_LIST);
                }
            }
        }
        for (FunctionImportDescr f : pkg.getFunctionImports()) {
            String target = f.getTarget();
            String owner = target.contains(".") ? target.substring(0, target.lastIndexOf('.')) : target;
            if (!allowed(owner)) {
                file.add(f.getLine(), target, "import function " + target + " is not allowed: " + ALLOW_LIST);
            }
        }
        for (var a : pkg.getAccumulateImports()) {
            file.add(a.getLine(), a.getTarget(), "import accumulate " + a.getTarget() + " is not allowed: use the "
                    + "built-in accumulate functions " + ACCUMULATE_FUNCTIONS);
        }
    }

    /** Globals, windows and enum declarations: none of them in a rule set. */
    void declarations() {
        for (GlobalDescr g : pkg.getGlobals()) {
            file.add(g.getLine(), "global " + g.getType() + " " + g.getIdentifier(), "globals are not allowed: a "
                    + "global hands the rules an object of the server's; rules get their input as facts");
        }
        for (var w : pkg.getWindowDeclarations()) {
            file.add(w.getLine(), "declare window " + w.getName(), "window declarations are not allowed");
        }
        for (var e : pkg.getEnumDeclarations()) {
            file.add(e.getLine(), "declare enum " + e.getTypeName(), "enum declarations are not allowed");
        }
    }

    /** A package whose classes would resolve without an import is refused. */
    void ownPackage(String packageName) {
        if (!packageName.isEmpty() && !packageName.startsWith("ru.workready.rules")) {
            // classes of the rule's own package resolve without an import
            String root = packageName.contains(".") ? packageName.substring(0, packageName.indexOf('.'))
                    : packageName;
            if (PACKAGE_ROOTS.contains(root) && !packageName.startsWith("ru.workready.engine")) {
                file.add(pkg.getLine(), packageName, "package " + packageName + " is not allowed: its classes would "
                        + "resolve without an import; use a package of your own, e.g. ru.workready.rules.<name>");
            }
        }
    }

    void attributes(Iterable<AttributeDescr> attributes, int fallbackLine) {
        for (AttributeDescr a : attributes) {
            int line = a.getLine() > 0 ? a.getLine() : fallbackLine;
            if (!ALLOWED_ATTRIBUTES.contains(a.getName())) {
                file.add(line, a.getName(), "the rule attribute '" + a.getName() + "' is not allowed (allowed: "
                        + new java.util.TreeSet<>(ALLOWED_ATTRIBUTES) + ")");
            } else if (a.getName().equals("dialect") && !"java".equals(a.getValue())) {
                file.add(line, "dialect " + a.getValue(), "only the java dialect is allowed in rule sets");
            } else if (a.getName().equals("salience") || a.getName().equals("enabled")) {
                file.expression(a.getValue(), line, Set.of(), false);
            }
        }
    }
}
