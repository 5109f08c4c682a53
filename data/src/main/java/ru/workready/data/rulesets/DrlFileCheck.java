package ru.workready.data.rulesets;

import static ru.workready.data.rulesets.DrlTokens.*;
import static ru.workready.data.rulesets.RuleSetAllowList.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
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
import org.drools.drl.ast.descr.GroupByDescr;
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
    private final DrlPackageCheck packageLevel;

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
        this.packageLevel = new DrlPackageCheck(this, names, pkg);
    }

    void add(int line, String reference, String reason) {
        guard.add(file, Math.max(1, line), reference, reason);
    }

    void run() {
        String packageName = pkg.getName() == null ? "" : pkg.getName();
        packageLevel.imports();
        packageLevel.declarations();
        packageLevel.attributes(pkg.getAttributes(), pkg.getLine());
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
        packageLevel.ownPackage(packageName);
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
        packageLevel.attributes(r.getAttributes().values(), line);
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
        constraints(p, bindings, line);
        source(p.getSource(), bindings, line);
    }

    /** A pattern's constraints: expressions and bindings; any other kind is refused. */
    private void constraints(PatternDescr p, Set<String> bindings, int line) {
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
    }

    /** Where a pattern's facts come from: from, collect and accumulate are allowed. */
    private void source(@Nullable PatternSourceDescr source, Set<String> bindings, int line) {
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
            accumulate(acc, bindings, line);
        } else {
            add(line, source.getClass().getSimpleName().replace("Descr", ""), "this pattern source is not "
                    + "allowed in rule sets: from, collect and accumulate are");
        }
    }

    /** Built-in accumulate functions only, no inline code. */
    private void accumulate(AccumulateDescr acc, Set<String> bindings, int line) {
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
    void expression(@Nullable String text, int line, Set<String> bindings, boolean block) {
        expressions.check(text, line, bindings, block);
    }
}
