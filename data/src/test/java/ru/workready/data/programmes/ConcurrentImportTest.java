package ru.workready.data.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.workready.data.DataTest;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.standards.StandardFiles;
import ru.workready.data.standards.StandardImportService;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/** Concurrent uploads of the same programme or mapping take turns: no duplicate-key errors. */
class ConcurrentImportTest extends DataTest {
    private static final int THREADS = 6;

    @Autowired
    ProgrammeImportService programmeImport;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    MappingImportService mappingImport;
    @Autowired
    StandardImportService standards;

    static Programme programme() {
        return new Programme("09.02.07", "ИСиП", "Программист", 5, 2031,
                List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Алгоритмы", "ВД 1")));
    }

    static <T> List<T> race(Callable<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameProgrammeUploadedConcurrentlyIsCreatedOnceAndUnchangedOtherwise() throws Exception {
        String college = "CC-" + UUID.randomUUID();
        programmes.insertCollege(college, "Колледж", "Тест");
        byte[] json = ProgrammeFormat.writeJson(programme());

        List<ProgrammeImportService.ProgrammeImported> results = race(() -> programmeImport.importJson(college, json));

        assertThat(results).extracting(ProgrammeImportService.ProgrammeImported::status)
                .containsOnlyOnce(ProgrammeImportService.Status.CREATED);
        assertThat(results).extracting(ProgrammeImportService.ProgrammeImported::id).containsOnly(results.get(0).id());
    }

    @Test
    void mappingsUploadedConcurrentlyGetDistinctVersions() throws Exception {
        long standardId = standards.importXml(StandardFiles.utf8(StandardFiles.recoded("06.001-programmist.xml",
                "99.611"))).get(0).id();
        long collegeId = programmes.insertCollege("CM-" + UUID.randomUUID(), "Колледж", "Тест");
        long programmeId = programmes.insert(collegeId, programme());
        byte[] same = "outcome_code;function_code;element;type;weight;critical\nПК 1.1;A/01.3;;EXACT;1;true\n"
                .getBytes(StandardCharsets.UTF_8);

        List<MappingImportService.MappingImported> identical =
                race(() -> mappingImport.importFile(programmeId, standardId, "a", same));
        assertThat(identical).extracting(MappingImportService.MappingImported::status)
                .containsOnlyOnce(MappingImportService.Status.CREATED);

        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<MappingImportService.MappingImported> different = race(() -> mappingImport.importFile(programmeId,
                standardId, "a", ("outcome_code;function_code;element;type;weight;critical\nПК 1.1;A/01.3;;PART_OF;0."
                        + n.incrementAndGet() + ";false\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(different).extracting(MappingImportService.MappingImported::version)
                .containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
    }
}
