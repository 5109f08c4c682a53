package ru.workready.api.rulebase;

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

/** Compiles uploaded DRL text at run time (drools-mvel); errors come back with file, line and column. */
@Component
class RuleSetCompiler {
    private static final String ROOT = "src/main/resources/";

    KieBase compile(String label, Map<String, String> drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // a release id per compilation: containers of different versions must not replace each other
        ReleaseId id = ks.newReleaseId("ru.workready.rulesets", label, "1-" + UUID.randomUUID());
        kfs.generateAndWritePomXML(id);
        drl.forEach((path, text) -> kfs.write(ROOT + "rulesets/" + path, text));
        // the application's loader, not the request thread's: uploaded rules import the engine's fact types
        ClassLoader loader = RuleSetCompiler.class.getClassLoader();
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
            throw new InvalidInputException("invalid-rule-set",
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
