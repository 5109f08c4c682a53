package ru.workready.engine.scoring.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Synthetic students shaped like the demo: a standard of 4 ОТФ and 16 ТФ, a programme of level 4
 * with 20 outcomes mapped 24 times, 60 evidence rows per student over three years (retakes, every kind).
 */
public final class BenchData {
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    public static final int EVIDENCE_PER_STUDENT = 60;

    private BenchData() {
    }

    public static ProfessionalStandard standard() {
        List<GeneralizedFunction> g = new ArrayList<>();
        String[] codes = {"A", "B", "C", "D"};
        int[] levels = {3, 4, 5, 6};
        for (int i = 0; i < 4; i++) {
            List<LabourFunction> tfs = new ArrayList<>();
            for (int j = 1; j <= 4; j++) {
                String code = codes[i] + "/0" + j + "." + levels[i];
                tfs.add(new LabourFunction(code, "ТФ " + code, levels[i], List.of()));
            }
            g.add(new GeneralizedFunction(codes[i], "ОТФ " + codes[i], levels[i], List.of(), tfs));
        }
        return new ProfessionalStandard("06.001", "Программист", "4", "424н", LocalDate.of(2022, 7, 20), "bench", g);
    }

    public static List<Mapping> mappings() {
        List<Mapping> m = new ArrayList<>();
        String[] functions = {"A/01.3", "A/02.3", "A/03.3", "A/04.3", "B/01.4", "B/02.4", "B/03.4", "B/04.4",
                "C/01.5", "C/02.5"};
        for (int i = 0; i < 24; i++) {
            String f = functions[i % functions.length];
            MappingType type = i % 3 == 0 ? MappingType.EXACT : i % 3 == 1 ? MappingType.PART_OF : MappingType.RELATED;
            m.add(new Mapping(outcome(i % 20), f, type, type == MappingType.RELATED ? 0.3 : 1.0 - (i % 3) * 0.2,
                    i % 7 == 0));
        }
        return m;
    }

    static String outcome(int i) {
        return i < 14 ? "ПК " + (1 + i / 5) + "." + (1 + i % 5) : String.format("ОК %02d", i - 13);
    }

    public static List<ScoringInput> students(int count, long seed) {
        Random random = new Random(seed);
        ProfessionalStandard standard = standard();
        List<Mapping> mappings = mappings();
        List<ScoringInput> result = new ArrayList<>(count);
        long sequence = 1;
        for (int s = 0; s < count; s++) {
            String id = "B-" + s;
            List<Evidence> evidence = new ArrayList<>(EVIDENCE_PER_STUDENT);
            for (int e = 0; e < EVIDENCE_PER_STUDENT; e++) {
                LocalDate on = AS_OF.minusDays(random.nextInt(365 * 3));
                if (e == 0 && random.nextInt(10) == 0) {
                    evidence.add(new Evidence(sequence++, id, null, EvidenceKind.INDEPENDENT_ASSESSMENT,
                            new AssessmentResult.PassFail(random.nextBoolean()), on, 1, null, "06.001", "A"));
                    continue;
                }
                EvidenceKind kind = EvidenceKind.values()[random.nextInt(5)];
                AssessmentResult r = kind == EvidenceKind.DEMO_EXAM || kind == EvidenceKind.CHAMPIONSHIP
                        ? new AssessmentResult.Points(random.nextInt(101), 100)
                        : kind == EvidenceKind.EMPLOYER_PRACTICE ? new AssessmentResult.PassFail(random.nextInt(5) > 0)
                        : new AssessmentResult.Grade(2 + random.nextInt(4));
                evidence.add(new Evidence(sequence++, id, outcome(random.nextInt(20)), kind, r, on,
                        1 + random.nextInt(2), null, null, null));
            }
            result.add(new ScoringInput(id, standard, 4, mappings, evidence, AS_OF));
        }
        return result;
    }

    /** The shipped default DRL, compiled at run time the way an uploaded rule set is. */
    public static KieBase defaultRules() {
        Path dir = Path.of(System.getProperty("workready.rules.dir", "rules/src/main/resources"))
                .resolve("ru/workready/rules/defaultpolicy");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("../rules/src/main/resources/ru/workready/rules/defaultpolicy");
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                kfs.write("src/main/resources/bench/" + p.getFileName(), Files.readString(p));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        KieBuilder builder = Boolean.getBoolean("workready.bench.mvel") ? ks.newKieBuilder(kfs).buildAll()
                : ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException(builder.getResults().toString());
        }
        return ks.newKieContainer(ks.getRepository().getDefaultReleaseId()).getKieBase();
    }
}
