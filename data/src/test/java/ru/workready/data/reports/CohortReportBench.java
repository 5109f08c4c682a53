package ru.workready.data.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.DataTest;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardImportService;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/**
 * Benchmark, not a test: builds the cohort report over a large synthetic cohort and prints its
 * time against a baseline measured in the same run — reading the same score rows with their
 * explanations over JDBC, the floor any report over them pays. Run with
 * {@code ./mvnw -q -B -pl data -am verify -Dtest=CohortReportBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true}
 * (optionally {@code -Dbench.students=N}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CohortReportBench extends DataTest {
    @Autowired
    StandardImportService standardImport;
    @Autowired
    StandardRepository standards;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    MappingImportService mappingImport;
    @Autowired
    CohortReportService reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;

    @Test
    void cohortReportAgainstRawRead() throws Exception {
        int students = Integer.getInteger("bench.students", 10_000);
        long standardId = standards.currentEdition("06.001").orElseGet(() -> {
            try (var in = getClass().getResourceAsStream("/reference/standards/06.001-programmist.xml")) {
                return standardImport.importXml(in.readAllBytes()).get(0).id();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String college = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
        long collegeId = programmes.insertCollege(college, "Bench", "Bench");
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            outcomes.add(new Outcome("ПК 1." + i, OutcomeKind.PROFESSIONAL, "ПК " + i, "ВД 1"));
        }
        long programmeId = programmes.insert(collegeId, new Programme("09.02.07", "Bench", "Программист", 5, 2023,
                List.of(new ActivityKind("ВД 1", "ПМ.01", "Bench")), outcomes));
        StringBuilder mapping = new StringBuilder("outcome_code,function_code,type,weight\n");
        Map<String, Long> functions = standards.functionIds(standardId);
        int k = 0;
        for (String code : functions.keySet()) {
            mapping.append("ПК 1.").append(k++ % 5 + 1).append(',').append(code).append(",EXACT,1.0\n");
        }
        long setId = mappingImport.importCsv(programmeId, standardId, "bench", mapping.toString().getBytes());
        Random random = new Random(1);
        List<Object[]> studentRows = new ArrayList<>();
        List<Object[]> scoreRows = new ArrayList<>();
        String[] levels = {"READY", "PARTIALLY_READY", "NOT_READY", "INSUFFICIENT_EVIDENCE"};
        for (int s = 0; s < students; s++) {
            String id = college + "-" + s;
            studentRows.add(new Object[] {id, collegeId, programmeId});
            for (long f : functions.values()) {
                double m = random.nextDouble();
                String explanation = "{\"rules\":[\"Ready\"],\"reason\":\"r\",\"outcomes\":[{\"outcomeCode\":\"ПК 1."
                        + (random.nextInt(5) + 1) + "\",\"type\":\"EXACT\",\"mappingWeight\":1.0,\"critical\":false,"
                        + "\"mastery\":" + m + ",\"evidence\":[{\"sequence\":1,\"kind\":\"COURSE_GRADE\",\"assessedOn\":"
                        + "\"2025-06-20\",\"attempt\":1,\"score\":" + m + ",\"weight\":1.0,\"superseded\":false},"
                        + "{\"sequence\":2,\"kind\":\"MODULE_EXAM\",\"assessedOn\":\"2025-12-25\",\"attempt\":1,\"score\":"
                        + random.nextDouble() + ",\"weight\":2.0,\"superseded\":false}]}]}";
                scoreRows.add(new Object[] {id, id, f, m, 1.0, levels[random.nextInt(4)], explanation, "default-1", setId});
            }
        }
        template.batchUpdate("insert into student (id, college_id, programme_id) values (?, ?, ?)", studentRows);
        template.batchUpdate("""
                insert into readiness_score (college_id, student_id, labour_function_id, readiness, coverage, level,
                                             explanation, rule_set_version, mapping_set_id)
                values ((select college_id from student where id = ?), ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                scoreRows);
        ReportParameters.ProgrammeSelector selector = new ReportParameters.ProgrammeSelector(programmeId, null, null, null);
        for (int warm = 0; warm < 3; warm++) {
            reports.cohort(selector, List.of("06.001"), 5, "default-1", null);
            rawRead(programmeId, standardId);
        }
        int runs = 5;
        long raw = Long.MAX_VALUE;
        long report = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            int rows = rawRead(programmeId, standardId);
            long t1 = System.nanoTime();
            CohortReport c = reports.cohort(selector, List.of("06.001"), 5, "default-1", null);
            long t2 = System.nanoTime();
            raw = Math.min(raw, t1 - t0);
            report = Math.min(report, t2 - t1);
            if (rows != scoreRows.size() || c.students() != students) {
                throw new AssertionError("unexpected sizes " + rows + ", " + c.students());
            }
        }
        System.out.printf("BENCH cohort report: %d students, %d score rows; raw read %.0f ms, report %.0f ms, "
                        + "ratio %.2f× the raw read, %.0f score rows/s%n", students, scoreRows.size(), raw / 1e6,
                report / 1e6, (double) report / raw, scoreRows.size() / (report / 1e9));
    }

    /** The baseline: the same score rows with their explanations, read and touched, nothing computed. */
    private int rawRead(long programmeId, long standardId) {
        int[] n = {0};
        long[] chars = {0};
        jdbc.sql("""
                        select r.student_id, r.labour_function_id, r.level, r.readiness, r.explanation::text,
                               r.rule_set_version, r.mapping_set_id
                        from readiness_score r join student st on st.id = r.student_id
                        join labour_function f on f.id = r.labour_function_id
                        where st.programme_id = ? and f.standard_id = ?""").params(programmeId, standardId)
                .query(rs -> {
                    n[0]++;
                    chars[0] += rs.getString(5).length();
                });
        return chars[0] > 0 ? n[0] : -1;
    }
}
