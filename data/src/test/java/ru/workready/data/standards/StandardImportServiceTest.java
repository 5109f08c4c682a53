package ru.workready.data.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.workready.data.standards.StandardFiles.bulk;
import static ru.workready.data.standards.StandardFiles.count;
import static ru.workready.data.standards.StandardFiles.recoded;
import static ru.workready.data.standards.StandardFiles.utf8;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.DataTest;
import ru.workready.data.InvalidInputException;
import ru.workready.engine.standards.ClassifierEntry;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.ProfessionalStandard;

class StandardImportServiceTest extends DataTest {
    @Autowired
    StandardImportService importer;
    @Autowired
    StandardRepository standards;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ru.workready.data.programmes.ProgrammeRepository programmes;
    @Autowired
    ru.workready.data.mapping.MappingImportService mappingImport;

    @ParameterizedTest
    @CsvSource({
        "06.001-programmist.xml,            99.101",
        "06.001-programmist-2013.xml,       99.102",
        "06.004-tester.xml,                 99.103",
        "06.011-database-administrator.xml, 99.104",
        "06.035-web-developer.xml,          99.105",
    })
    void everyReferenceFileImportsWithCountsEqualToTheFile(String file, String code) {
        String xml = recoded(file, code);
        StandardImportService.Imported i = importer.importXml(utf8(xml)).get(0);

        assertThat(i.status()).isEqualTo(StandardImportService.Status.CREATED);
        assertThat(i.current()).isTrue();
        assertThat(rows("generalized_function", i.id())).isEqualTo(count(xml, "CodeOTF"));
        assertThat(rows("labour_function", i.id())).isEqualTo(count(xml, "CodeTF"));
        assertThat(elements(i.id(), "LABOUR_ACTION")).isEqualTo(count(xml, "LaborAction"));
        assertThat(elements(i.id(), "REQUIRED_SKILL")).isEqualTo(count(xml, "RequiredSkill"));
        assertThat(elements(i.id(), "REQUIRED_KNOWLEDGE")).isEqualTo(count(xml, "NecessaryKnowledge"));
        assertThat(jdbc.sql("select count(*) from labour_function where standard_id = ? and code ~ '[А-Яа-я]'")
                .param(i.id()).query(Long.class).single()).as("ТФ codes are stored with Latin letters").isZero();
    }

    @Test
    void aFileOfAnotherSectorImportsWithCountsEqualToTheFile() throws Exception {
        String xml;
        try (var in = getClass().getResourceAsStream("/mintrud/other-sector.xml")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("<CodeKindProfessionalActivity>[^<]*<", "<CodeKindProfessionalActivity>99.106<");
        }
        StandardImportService.Imported i = importer.importXml(utf8(xml)).get(0);

        assertThat(rows("generalized_function", i.id())).isEqualTo(count(xml, "CodeOTF"));
        assertThat(rows("labour_function", i.id())).isEqualTo(count(xml, "CodeTF"));
        assertThat(elements(i.id(), "LABOUR_ACTION")).isEqualTo(count(xml, "LaborAction"));
        assertThat(elements(i.id(), "REQUIRED_SKILL")).isEqualTo(count(xml, "RequiredSkill"));
        assertThat(elements(i.id(), "REQUIRED_KNOWLEDGE")).isEqualTo(count(xml, "NecessaryKnowledge"));
    }

    @Test
    void optionalListsAreKeptNotDropped() {
        long id = importer.importXml(utf8(recoded("06.001-programmist.xml", "99.111"))).get(0).id();
        ProfessionalStandard s = standards.load(id, false).orElseThrow();

        assertThat(s.details().purpose()).startsWith("Разработка, отладка, проверка работоспособности");
        assertThat(s.details().okz()).hasSize(3).first()
                .isEqualTo(new ClassifierEntry("2512.", "Разработчики программного обеспечения"));
        assertThat(s.details().okved()).containsExactly(
                new ClassifierEntry("62.01", "Разработка компьютерного программного обеспечения"));
        GeneralizedFunction a = s.generalizedFunctions().get(0);
        assertThat(a.requirements().education()).containsExactly(
                "Среднее профессиональное образование – программы подготовки квалифицированных рабочих (служащих)");
        assertThat(a.requirements().experience()).as("a lone dash means none").isEmpty();
        assertThat(a.requirements().okz()).containsExactly(
                new ClassifierEntry("3512", "Специалисты-техники по поддержке пользователей ИКТ"));
        assertThat(a.requirements().eks()).containsExactly(new ClassifierEntry("-", "Техник-программист"));
        assertThat(a.requirements().okpdtr()).containsExactly(new ClassifierEntry("27099", "Техник-программист"));
        assertThat(a.requirements().okso()).containsExactly(
                new ClassifierEntry("2.09.00.00", "Информатика и вычислительная техника"));
        GeneralizedFunction d = s.generalizedFunctions().get(3);
        assertThat(d.requirements().experience())
                .containsExactly("Не менее одного года в области разработки компьютерного программного обеспечения");
    }

    @Test
    void reImportingTheSameFileIsANoOp() {
        byte[] file = utf8(recoded("06.004-tester.xml", "99.121"));
        long id = importer.importXml(file).get(0).id();
        long rows = jdbc.sql("select count(*) from function_element").query(Long.class).single();

        List<StandardImportService.Imported> again = importer.importXml(file);

        assertThat(again).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.status()).isEqualTo(StandardImportService.Status.UNCHANGED);
            assertThat(i.created()).isFalse();
            assertThat(i.diff()).isNull();
        });
        assertThat(jdbc.sql("select count(*) from function_element").query(Long.class).single()).isEqualTo(rows);
    }

    @Test
    void aSecondEditionLivesBesideTheFirstAndReportsWhatChanged() {
        StandardImportService.Imported old = importer.importXml(utf8(recoded("06.001-programmist-2013.xml", "99.131")))
                .get(0);
        assertThat(old.diff()).isNull();

        StandardImportService.Imported edition = importer.importXml(utf8(recoded("06.001-programmist.xml", "99.131")))
                .get(0);

        assertThat(edition.id()).isNotEqualTo(old.id());
        assertThat(edition.current()).isTrue();
        assertThat(standards.summary(old.id()).orElseThrow().current()).isFalse();
        assertThat(standards.summary(old.id()).orElseThrow().orderNumber()).isEqualTo("679н");
        EditionDiff diff = edition.diff();
        assertThat(diff).isNotNull();
        assertThat(diff.comparedWithId()).isEqualTo(old.id());
        assertThat(diff.comparedWithApprovalDate()).isEqualTo(LocalDate.of(2013, 11, 18));
        assertThat(diff.added()).containsExactly("B/05.4", "B/06.4");
        assertThat(diff.removed()).containsExactly("B/04.5");
        assertThat(diff.renamed()).extracting(EditionDiff.Renamed::code).containsExactly("A/01.3", "A/02.3", "A/04.3",
                "B/01.4", "B/02.4", "B/03.4", "B/04.4", "C/02.5", "D/01.6", "D/03.6");
        assertThat(diff.elementsChanged()).as("every kept ТФ got other actions, skills or knowledge in 2022")
                .containsExactly("A/01.3", "A/02.3", "A/03.3", "A/04.3", "A/05.3", "B/01.4", "B/02.4", "B/03.4",
                        "B/04.4", "C/01.5", "C/02.5", "D/01.6", "D/02.6", "D/03.6");
        assertThat(diff.unchanged()).isZero();
    }

    @Test
    void theDiffNamesTheMappingsToReview() {
        long old = importer.importXml(utf8(recoded("06.001-programmist-2013.xml", "99.135"))).get(0).id();
        long college = programmes.insertCollege("T4-" + java.util.UUID.randomUUID(), "Колледж", "Тест");
        long programme = programmes.insert(college, new ru.workready.engine.programmes.Programme("09.02.07", "ИСиП",
                "Программист", 5, 2025, List.of(), List.of(new ru.workready.engine.programmes.Outcome("ПК 1.1",
                ru.workready.engine.programmes.OutcomeKind.PROFESSIONAL, "Алгоритмы", null))));
        long set = mappingImport.importCsv(programme, old, "методист",
                utf8("outcome_code,function_code,type,weight\nПК 1.1,B/04.5,EXACT,1\n"));

        EditionDiff diff = importer.importXml(utf8(recoded("06.001-programmist.xml", "99.135"))).get(0).diff();

        assertThat(diff.removed()).contains("B/04.5");
        assertThat(diff.mappingsToReview()).containsExactly(new StandardRepository.MappingSetRef(set, programme, 1));
    }

    @Test
    void anEditionStoredBeforeTheOptionalListsWereKeptIsCompletedOnReImport() {
        byte[] file = utf8(recoded("06.035-web-developer.xml", "99.136"));
        long id = importer.importXml(file).get(0).id();
        jdbc.sql("update professional_standard set details = '{}', content_hash = 'old' where id = ?").param(id).update();
        jdbc.sql("update generalized_function set requirements = '{}' where standard_id = ?").param(id).update();

        StandardImportService.Imported again = importer.importXml(file).get(0);

        assertThat(again.status()).isEqualTo(StandardImportService.Status.UNCHANGED);
        ProfessionalStandard s = standards.load(id, false).orElseThrow();
        assertThat(s.details().okz()).isNotEmpty();
        assertThat(s.generalizedFunctions().get(0).requirements().education()).isNotEmpty();
        assertThat(standards.contentHash(id)).isNotEqualTo(java.util.Optional.of("old"));
    }

    @Test
    void anOlderEditionImportedLaterDoesNotBecomeCurrent() {
        long newer = importer.importXml(utf8(recoded("06.001-programmist.xml", "99.141"))).get(0).id();
        StandardImportService.Imported older = importer.importXml(utf8(recoded("06.001-programmist-2013.xml", "99.141")))
                .get(0);

        assertThat(older.current()).isFalse();
        assertThat(standards.currentEdition("99.141")).contains(newer);
        assertThat(older.diff()).isNotNull();
        assertThat(older.diff().added()).containsExactly("B/04.5");
    }

    @Test
    void theSameEditionWithOtherContentIsRefusedNotOverwritten() {
        String xml = recoded("06.011-database-administrator.xml", "99.151");
        importer.importXml(utf8(xml));
        String changed = xml.replaceFirst("<NameTF>[^<]*</NameTF>", "<NameTF>Совсем другая функция</NameTF>");

        assertThatThrownBy(() -> importer.importXml(utf8(changed)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.type().slug()).isEqualTo("standard-edition-conflict");
                    assertThat(e.getMessage()).contains("99.151").contains("never overwritten");
                });
        assertThat(standards.functionNames(standards.currentEdition("99.151").orElseThrow()).values())
                .doesNotContain("Совсем другая функция");
    }

    @Test
    void aBulkFileImportsEveryStandardAndIsAllOrNothing() {
        String bulk = bulk(List.of(recoded("06.001-programmist.xml", "99.161"), recoded("06.004-tester.xml", "99.162"),
                recoded("06.011-database-administrator.xml", "99.163"), recoded("06.035-web-developer.xml", "99.164"),
                recoded("06.001-programmist-2013.xml", "99.161")));

        List<StandardImportService.Imported> all = importer.importXml(utf8(bulk));

        assertThat(all).extracting(StandardImportService.Imported::code)
                .containsExactly("99.161", "99.162", "99.163", "99.164", "99.161");
        assertThat(all).extracting(StandardImportService.Imported::labourFunctions).containsExactly(16, 24, 44, 28, 15);
        assertThat(all.get(0).current()).as("the 2022 edition stays current").isTrue();
        assertThat(all.get(4).current()).isFalse();

        String broken = bulk(List.of(recoded("06.004-tester.xml", "99.171"),
                recoded("06.035-web-developer.xml", "99.172").replaceFirst("<CodeTF>[^<]*</CodeTF>", "")));
        assertThatThrownBy(() -> importer.importXml(utf8(broken)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.type().slug()).isEqualTo("invalid-standard-xml");
                    assertThat(e.getMessage()).contains("CodeTF");
                });
        assertThat(standards.currentEdition("99.171")).as("nothing of a bad file is stored").isEmpty();
    }

    @Test
    void aFileHoldingTheSameEditionTwiceIsRefused() {
        String twice = bulk(List.of(recoded("06.004-tester.xml", "99.181"), recoded("06.004-tester.xml", "99.181")));

        assertThatThrownBy(() -> importer.importXml(utf8(twice)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("twice"));
    }

    @Test
    void searchFindsByCodePrefixAndByStemmedRussianWords() {
        importer.importXml(utf8(recoded("06.035-web-developer.xml", "99.191")));

        assertThat(standards.search("99.19", false, 0, 10).items()).extracting(StandardSummary::code)
                .containsExactly("99.191");
        // «разработчиков» (genitive plural) finds «Разработчик Web и мультимедийных приложений»
        assertThat(standards.search("разработчиков мультимедийного", false, 0, 50).items())
                .extracting(StandardSummary::code).contains("99.191");
        assertThat(standards.searchFunctions("А/03", standards.currentEdition("99.191").orElseThrow(), false, 0, 50)
                .items()).isNotEmpty().allSatisfy(f -> assertThat(f.code()).startsWith("A/03"));
        var page = standards.searchFunctions(null, standards.currentEdition("99.191").orElseThrow(), false, 1, 10);
        assertThat(page.total()).isEqualTo(28);
        assertThat(page.items()).hasSize(10);
    }

    private long rows(String table, long standardId) {
        return jdbc.sql("select count(*) from " + table + " where standard_id = ?").param(standardId)
                .query(Long.class).single();
    }

    private long elements(long standardId, String kind) {
        return jdbc.sql("""
                        select count(*) from function_element e join labour_function f on f.id = e.labour_function_id
                        where f.standard_id = ? and e.kind = ?""").params(standardId, kind).query(Long.class).single();
    }
}
