package ru.workready.data.rulesets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.springframework.stereotype.Component;
import ru.workready.data.InvalidInputException;
import ru.workready.data.ProblemType;

/** Compiles uploaded DRL text at run time (drools-mvel); errors come back with file, line and column. */
@Component
public class RuleSetCompiler {
    private static final String ROOT = "src/main/resources/";

    public KieBase compile(String label, Map<String, String> drl) {
        // uploads are checked before they get here (located by table cell); this also covers stored versions
        ClassLoader loader = RuleSetCompiler.class.getClassLoader();
        List<RuleSetGuard.Finding> refused = RuleSetGuard.check(drl, loader);
        if (!refused.isEmpty()) {
            List<InvalidInputException.Problem> problems = new ArrayList<>();
            for (RuleSetGuard.Finding f : refused) {
                problems.add(new InvalidInputException.Problem(f.line(), f.file(), f.reference(), f.reason()));
            }
            throw new InvalidInputException(ProblemType.INVALID_RULE_SET, "Rule set " + label + " references "
                    + problems.size() + " thing(s) a rule set may not; it is not compiled",
                    problems.subList(0, Math.min(100, problems.size())), problems.size());
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // a release id per compilation: containers of different versions must not replace each other
        ReleaseId id = ks.newReleaseId("ru.workready.rulesets", label, "1-" + UUID.randomUUID());
        kfs.generateAndWritePomXML(id);
        drl.forEach((path, text) -> kfs.write(ROOT + "rulesets/" + path, text));
        // the application's loader, not the request thread's: uploaded rules import the engine's fact types
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<InvalidInputException.Problem> problems = new ArrayList<>();
            for (Message m : errors) {
                String path = m.getPath() == null ? null
                        : m.getPath().substring(m.getPath().lastIndexOf('/') + 1); // file names have no '/'
                problems.add(new InvalidInputException.Problem(m.getLine() > 0 ? m.getLine() : null,
                        path, m.getColumn() > 0 ? "column " + m.getColumn() : null, m.getText()));
            }
            throw new InvalidInputException(ProblemType.INVALID_RULE_SET,
                    "The rule set does not compile (" + errors.size() + " error(s)); nothing was stored",
                    problems.subList(0, Math.min(100, problems.size())), problems.size());
        }
        try {
            return ks.newKieContainer(id, loader).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(id);
        }
    }
}
