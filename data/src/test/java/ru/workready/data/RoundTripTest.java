package ru.workready.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardFiles;
import ru.workready.data.standards.StandardImportService;

/**
 * Export a programme and its mapping to files, import them into an empty database, export again:
 * the files are identical. Runs on a database of its own (created on the shared test server) so
 * that it can empty it without touching the data other tests rely on.
 */
@SpringBootTest(classes = DataTestApplication.class)
class RoundTripTest {
    private static final String PROGRAMME = """
            {"fgosCode": "09.02.07", "name": "Информационные системы и программирование",
             "qualification": "Программист", "qualificationLevel": 5, "intakeYear": 2024,
             "activities": [{"code": "ВД 1", "moduleCode": "ПМ.01", "name": "Разработка модулей ПО"},
                            {"code": "ВД 2", "moduleCode": "ПМ.02", "name": "Интеграция модулей"}],
             "outcomes": [
               {"code": "ОК 01", "kind": "GENERAL", "name": "Выбирать способы решения задач"},
               {"code": "ПК 1.1", "kind": "PROFESSIONAL", "name": "Формировать алгоритмы", "activityCode": "ВД 1"},
               {"code": "ПК 1.1 ПО1", "kind": "EXPERIENCE", "name": "Разработка кода; отладка", "activityCode": "ВД 1", "parentCode": "ПК 1.1"},
               {"code": "ПК 1.1 У1", "kind": "SKILL", "name": "Разрабатывать \\"алгоритмы\\"", "activityCode": "ВД 1", "parentCode": "ПК 1.1"},
               {"code": "ПК 1.1 З1", "kind": "KNOWLEDGE", "name": "Этапы разработки", "activityCode": "ВД 1", "parentCode": "ПК 1.1"},
               {"code": "ПК 2.1", "kind": "PROFESSIONAL", "name": "Интегрировать модули", "activityCode": "ВД 2"}]}
            """;
    private static final String MAPPING = """
            outcome_code,function_code,element,type,weight,critical
            ПК 1.1,А/01.3,,EXACT,1.0,true
            ПК 1.1 У1,A/01.3,RS1,PART_OF,0.6,false
            ПК 1.1 З1,A/01.3,NK2,PART_OF,0.4,false
            ПК 1.1 ПО1,A/02.3,LA1,EXACT,1,false
            ОК 01,B/01.4,,RELATED,0.25,false
            ПК 2.1,С/02.5,,PART_OF,0.75,true
            """;

    @Autowired
    StandardImportService standards;
    @Autowired
    ProgrammeImportService programmeImport;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    MappingImportService mappingImport;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
        Map<String, Supplier<Object>> shared = new HashMap<>();
        ru.workready.data.testing.TestDatabase.register(shared::put);
        String url = String.valueOf(shared.get("spring.datasource.url").get());
        String user = String.valueOf(shared.get("spring.datasource.username").get());
        String password = String.valueOf(shared.get("spring.datasource.password").get());
        String name = "roundtrip_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        ru.workready.data.testing.TestDatabase.dropAtExit(name);
        String own = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        registry.add("spring.datasource.url", () -> own);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    @Test
    void exportImportIntoAnEmptyDatabaseIsIdentical() {
        Files first = load(PROGRAMME.getBytes(StandardCharsets.UTF_8), MAPPING.getBytes(StandardCharsets.UTF_8));

        jdbc.sql("truncate professional_standard, college, programme, mapping_set, mapping restart identity cascade")
                .update();
        assertThat(jdbc.sql("select count(*) from outcome").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from labour_function").query(Long.class).single()).isZero();

        Files second = load(first.programmeJson(), first.mappingCsv().getBytes(StandardCharsets.UTF_8));

        assertThat(second.programmeJson()).isEqualTo(first.programmeJson());
        assertThat(second.programmeCsv()).isEqualTo(first.programmeCsv());
        assertThat(second.mappingCsv()).isEqualTo(first.mappingCsv());
        assertThat(first.mappingCsv()).contains("ПК 1.1 У1;A/01.3;RS1;PART_OF;0.6;false")
                .contains("ПК 2.1;C/02.5;;PART_OF;0.75;true");

        // The CSV variant carries the same programme: import it for another college, export JSON.
        programmes.insertCollege("RT2", "Второй колледж", "Тест");
        long viaCsv = programmeImport.importCsv("RT2", first.programmeCsv().getBytes(StandardCharsets.UTF_8)).id();
        assertThat(programmeImport.exportJson(viaCsv)).isEqualTo(first.programmeJson());
    }

    private record Files(byte[] programmeJson, String programmeCsv, String mappingCsv) {
    }

    private Files load(byte[] programme, byte[] mapping) {
        long standardId = standards.importXml(StandardFiles.utf8(StandardFiles.reference("06.001-programmist.xml")))
                .get(0).id();
        programmes.insertCollege("RT", "Колледж круговой проверки", "Тест");
        long programmeId = programmeImport.importJson("RT", programme).id();
        long setId = mappingImport.importFile(programmeId, standardId, "методист", mapping).mappingSetId();
        return new Files(programmeImport.exportJson(programmeId), programmeImport.exportCsv(programmeId),
                mappingImport.exportCsv(setId));
    }
}
