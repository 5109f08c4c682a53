package ru.workready.api.standards;

import ru.workready.data.standards.StandardFolderImport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.ApiTest;
import ru.workready.data.standards.StandardImportService;
import ru.workready.data.standards.StandardsProperties;

/** The start-up folder: good files are imported, a bad one is skipped, a second run changes nothing. */
class StandardFolderImportTest extends ApiTest {
    @Autowired
    StandardImportService importer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void importsEveryXmlOfTheFolderAndSkipsBadOnes(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a-good.xml"), StandardApiTest.recoded("06.004-tester.xml", "98.501"));
        Files.writeString(dir.resolve("b-broken.xml"), "<XMLCardInfo>");
        Files.write(dir.resolve("c-bulk.XML"), StandardApiTest.bulk(
                StandardApiTest.recoded("06.011-database-administrator.xml", "98.502"),
                StandardApiTest.recoded("06.035-web-developer.xml", "98.503")));
        Files.writeString(dir.resolve("notes.txt"), "not a standard");
        StandardFolderImport folder = new StandardFolderImport(new StandardsProperties(dir.toString()), importer);

        folder.run(null);
        long rows = jdbc.sql("select count(*) from function_element").query(Long.class).single();
        folder.run(null);

        assertThat(jdbc.sql("select code from professional_standard where code like '98.5%' order by code")
                .query(String.class).list()).containsExactly("98.501", "98.502", "98.503");
        assertThat(jdbc.sql("select count(*) from function_element").query(Long.class).single()).isEqualTo(rows);
        new StandardFolderImport(new StandardsProperties(dir.resolve("missing").toString()), importer).run(null);
    }
}
