package ru.workready.data.rulesets;

import static ru.workready.data.rulesets.DrlTokens.*;
import static ru.workready.data.rulesets.RuleSetAllowList.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.jspecify.annotations.Nullable;

/** The check of one file: its imports, its package and what its rules, functions and types reference. */
final class DrlFileCheck {
    private final RuleSetGuard guard;
    private final String file;
    private final String source;
    private final PackageDescr pkg;
    private final int[] lineStarts;
    final Set<String> functions = new HashSet<>();
    private final DrlNames names;
    private final DrlExpressionCheck expressions;

    DrlFileCheck(RuleSetGuard guard, String file, String source, PackageDescr pkg) {
        this.guard = guard;
        this.file = file;
        this.source = source;
        this.pkg = pkg;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        this.names = new DrlNames(guard, pkg);
        this.expressions = new DrlExpressionCheck(this, names, guard);
    }

    void add(int line, String reference, String reason) {
        guard.add(file, Math.max(1, line), reference, reason);
    }

    void run() {
        String packageName = pkg.getName() == null ? "" : pkg.getName();
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget().strip();
            if (target.endsWith(".*")) {
                String p = target.substring(0, target.length() - 2);
                if (allowedPackage(p)) {
                    names.wildcards.add(p);
                } else {
                    add(i.getLine(), target, "import " + target + " is not allowed: " + ALLOW_LIST);
                }
            } else {
                names.imports.put(target.substring(target.lastIndexOf('.') + 1), target);
                if (!allowed(target)) {
                    add(i.getLine(), target, "import " + target + " is not allowed: " + ALLOW_LIST);
                }
            }
        }
        for (FunctionImportDescr f : pkg.getFunctionImports()) {
            String target = f.getTarget();
            String owner = target.contains(".") ? target.substring(0, target.lastIndexOf('.')) : target;
            if (!allowed(owner)) {
                add(f.getLine(), target, "import function " + target + " is not allowed: " + ALLOW_LIST);
            }
        }
        for (var a : pkg.getAccumulateImports()) {
            add(a.getLine(), a.getTarget(), "import accumulate " + a.getTarget() + " is not allowed: use the "
                    + "built-in accumulate functions " + ACCUMULATE_FUNCTIONS);
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            add(g.getLine(), "global " + g.getType() + " " + g.getIdentifier(), "globals are not allowed: a "
                    + "global hands the rules an object of the server's; rules get their input as facts");
        }
        for (var w : pkg.getWindowDeclarations()) {
            add(w.getLine(), "declare window " + w.getName(), "window declarations are not allowed");
        }
        for (var e : pkg.getEnumDeclarations()) {
            add(e.getLine(), "declare enum " + e.getTypeName(), "enum declarations are not allowed");
        }
        attributes(pkg.getAttributes(), pkg.getLine());
        for (FunctionDescr f : pkg.getFunctions()) {
            functions.add(f.getName());
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            function(f);
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            typeDeclaration(t);
        }
        for (RuleDescr r : pkg.getRules()) {
            rule(r);
        }
        if (!packageName.isEmpty() && !packageName.startsWith("ru.workready.rules")) {
            // classes of the rule's own package resolve without an import
            String root = packageName.contains(".") ? packageName.substring(0, packageName.indexOf('.'))
                    : packageName;
            if (PACKAGE_ROOTS.contains(root) && !packageName.startsWith("ru.workready.engine")) {
                add(pkg.getLine(), packageName, "package " + packageName + " is not allowed: its classes would "
                        + "resolve without an import; use a package of your own, e.g. ru.workready.rules.<name>");
            }
        }
    }

    private void attributes(Iterable<AttributeDescr> attributes, int fallbackLine) {
        for (AttributeDescr a : attributes) {
            int line = a.getLine() > 0 ? a.getLine() : fallbackLine;
            if (!ALLOWED_ATTRIBUTES.contains(a.getName())) {
                add(line, a.getName(), "the rule attribute '" + a.getName() + "' is not allowed (allowed: "
                        + new java.util.TreeSet<>(ALLOWED_ATTRIBUTES) + ")");
            } else if (a.getName().equals("dialect") && !"java".equals(a.getValue())) {
                add(line, "dialect " + a.getValue(), "only the java dialect is allowed in rule sets");
            } else if (a.getName().equals("salience") || a.getName().equals("enabled")) {
                expression(a.getValue(), line, Set.of(), false);
            }
        }
    }

    private void function(FunctionDescr f) {
        int line = f.getLine();
        if (f.getDialect() != null && !f.getDialect().equals("java")) {
            add(line, "function " + f.getName(), "only java functions are allowed in rule sets");
        }
        type(f.getReturnType(), line);
        for (String t : f.getParameterTypes()) {
            type(t, line);
        }
        Set<String> locals = new HashSet<>(f.getParameterNames());
        String body = f.getBody() == null ? "" : f.getBody();
        int at = locate(body, line);
        for (Token t : tokens(body)) {
            if (t.kind == Kind.IDENT && functions.contains(t.text) && t.next('(')) {
                add(lineAt(body, at, line, t.offset), f.getName() + " → " + t.text, "a DRL function may not "
                        + "call a DRL function (" + t.text + "): recursion could run without end");
            }
        }
        expression(body, line, locals, true);
    }

    private void typeDeclaration(TypeDeclarationDescr t) {
        int line = t.getLine();
        if (t.isTrait()) {
            add(line, "declare trait " + t.getTypeName(), "trait declarations are not allowed");
        }
        for (var s : t.getSuperTypes()) {
            if (!s.getFullName().equals("java.lang.Object")) {
                type(s.getFullName(), line);
            }
        }
        for (TypeFieldDescr field : t.getFields().values()) {
            int fl = field.getLine() > 0 ? field.getLine() : line;
            if (field.getPattern() != null) {
                type(field.getPattern().getObjectType(), fl);
            }
            if (field.getInitExpr() != null) {
                expression(field.getInitExpr(), fl, Set.of(), false);
            }
        }
    }

    private void rule(RuleDescr r) {
        int line = r.getLine();
        attributes(r.getAttributes().values(), line);
        Set<String> bindings = new HashSet<>();
        if (r.getLhs() != null) {
            lhs(r.getLhs(), bindings, line);
        }
        consequence(r.getConsequence(), r.getConsequenceLine() > 0 ? r.getConsequenceLine() : line, bindings,
                r.getName());
        r.getNamedConsequences().forEach((name, c) -> consequence(c, r.getConsequenceLine(), bindings,
                r.getName() + " [" + name + "]"));
    }

    private void consequence(@Nullable Object consequence, int line, Set<String> bindings, String rule) {
        if (consequence == null) {
            return;
        }
        if (!(consequence instanceof String text)) {
            add(line, "rule \"" + rule + "\"", "the consequence is not text");
            return;
        }
        expression(text, line, bindings, true);
    }

    private void lhs(BaseDescr d, Set<String> bindings, int ruleLine) {
        int line = d.getLine() > 0 ? d.getLine() : ruleLine;
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (BaseDescr c : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                lhs(c, bindings, line);
            }
        } else if (d instanceof PatternDescr p) {
            pattern(p, bindings, line);
        } else if (d instanceof EvalDescr e) {
            add(line, "eval(" + e.getContent() + ")", "eval is not allowed: write the condition as a constraint "
                    + "of a pattern, e.g. FunctionFacts( coverage < 0.6 )");
        } else if (d instanceof ConditionalBranchDescr || d instanceof NamedConsequenceDescr) {
            if (d instanceof ConditionalBranchDescr) {
                add(line, "if ( … ) do[ … ]", "conditional consequences are not allowed in rule sets");
            }
        } else {
            add(line, d.getClass().getSimpleName().replace("Descr", ""), "this construct is not allowed in rule "
                    + "sets: patterns, and/or/not/exists/forall, from, collect and accumulate are");
        }
    }

    private void pattern(PatternDescr p, Set<String> bindings, int line) {
        if (p.getIdentifier() != null) {
            bindings.add(p.getIdentifier());
        }
        if (!p.isQuery()) {
            patternType(p.getObjectType(), line);
        }
        if (!p.getBehaviors().isEmpty()) {
            add(line, "over window", "sliding windows are not allowed in rule sets");
        }
        for (BaseDescr c : p.getDescrs()) {
            int cl = c.getLine() > 0 ? c.getLine() : line;
            if (c instanceof ExprConstraintDescr e) {
                bind(e.getExpression(), bindings);
                expression(e.getExpression(), cl, bindings, false);
            } else if (c instanceof BindingDescr b) {
                bindings.add(b.getVariable());
                expression(b.getExpression(), cl, bindings, false);
            } else {
                add(cl, c.getText(), "this kind of constraint is not allowed in rule sets");
            }
        }
        PatternSourceDescr source = p.getSource();
        if (source == null || source instanceof EntryPointDescr) {
            return;
        }
        if (source instanceof FromDescr from) {
            String expression = from.getDataSource() instanceof MVELExprDescr m ? m.getExpression()
                    : from.getExpression();
            expression(expression, line, bindings, false);
        } else if (source instanceof CollectDescr collect) {
            pattern(collect.getInputPattern(), bindings, line);
        } else if (source instanceof AccumulateDescr acc && !(source instanceof GroupByDescr)) {
            int al = acc.getLine() > 0 ? acc.getLine() : line;
            if (!acc.isExternalFunction()) {
                add(al, "accumulate( …; init( … ) … )", "inline accumulate code is not allowed: use the "
                        + "accumulate functions " + new java.util.TreeSet<>(ACCUMULATE_FUNCTIONS));
            }
            if (acc.getInput() != null) {
                lhs(acc.getInput(), bindings, al);
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    add(al, f.getFunction(), "accumulate function " + f.getFunction() + " is not allowed: use "
                            + new java.util.TreeSet<>(ACCUMULATE_FUNCTIONS));
                }
                for (String param : f.getParams()) {
                    expression(param, al, bindings, false);
                }
                if (f.getBind() != null) {
                    bindings.add(f.getBind());
                }
            }
        } else {
            add(line, source.getClass().getSimpleName().replace("Descr", ""), "this pattern source is not "
                    + "allowed in rule sets: from, collect and accumulate are");
        }
    }

    /** "$code : code" binds $code. */
    private static void bind(String expression, Set<String> bindings) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([$\\w]+)\\s*:(?!=)")
                .matcher(expression);
        if (m.find()) {
            bindings.add(m.group(1));
        }
    }

    /** A pattern's type: allowed or declared; one that resolves to nothing is left to the compiler. */
    private void patternType(String type, int line) {
        if (type == null || type.isBlank()) {
            return;
        }
        String name = type.strip();
        if (guard.declaredTypes.contains(name)) {
            return;
        }
        String resolved = name.contains(".") ? names.qualified(name) : names.resolve(name);
        if (resolved != null && !allowed(resolved)) {
            add(line, name, DrlNames.forbidden(name, resolved));
        } else if (resolved == null && name.contains(".") && !DrlNames.allowedName(name)) {
            add(line, name, "the type " + name + " is not allowed: " + ALLOW_LIST);
        }
    }

    /** A type written in a declaration (field, parameter, return type): every name in it is checked. */
    private void type(@Nullable String type, int line) {
        if (type != null && !type.isBlank()) {
            expression(type, line, Set.of(), false);
        }
    }

    /** Where a fragment of text reported at a line starts in the file: its offset, or -1. */
    int locate(String fragment, int line) {
        String probe = fragment.strip();
        if (probe.isEmpty() || line < 1) {
            return -1;
        }
        int from = lineStarts[Math.min(line, lineStarts.length) - 1];
        return source.indexOf(probe, from) - (fragment.indexOf(probe));
    }

    int lineAt(String fragment, int fragmentOffset, int line, int offset) {
        if (fragmentOffset >= 0) {
            return lineOf(source, fragmentOffset + offset);
        }
        return line + (int) fragment.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    /** The names an expression, block or declared type references (DrlExpressionCheck). */
    private void expression(@Nullable String text, int line, Set<String> bindings, boolean block) {
        expressions.check(text, line, bindings, block);
    }
}
