package ru.workready.data.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionElement;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

class MintrudXmlReaderTest {

    private static final String[] FILES = {
        "06.001-programmist.xml",
        "06.001-programmist-2013.xml",
        "06.004-tester.xml",
        "06.011-database-administrator.xml",
        "06.035-web-developer.xml",
    };

    private final MintrudXmlReader reader = new MintrudXmlReader();

    // ---------------------------------------------------------------- reference files

    @ParameterizedTest
    @CsvSource({
        "06.001-programmist.xml,            06.001, 4, 16,  70,  77,  73",
        "06.001-programmist-2013.xml,       06.001, 4, 15,  59,  52,  64",
        "06.004-tester.xml,                 06.004, 4, 24, 117,  62,  68",
        "06.011-database-administrator.xml, 06.011, 5, 44, 117,  93,  87",
        "06.035-web-developer.xml,          06.035, 4, 28, 120, 135, 224",
    })
    void readsReferenceFileWithExactCounts(String file, String code, int otf, int tf, int actions,
                                           int skills, int knowledge) {
        List<ProfessionalStandard> all = reader.readAll(resource(file));

        assertThat(all).hasSize(1);
        ProfessionalStandard ps = all.get(0);
        assertCounts(ps, code, otf, tf, actions, skills, knowledge);
        assertWellFormed(ps);
    }

    @Test
    void readsHeaderOfCurrentProgrammerStandard() {
        ProfessionalStandard ps = reader.readAll(resource("06.001-programmist.xml")).get(0);

        assertThat(ps.code()).isEqualTo("06.001");
        assertThat(ps.name()).isEqualTo("Программист");
        assertThat(ps.registrationNumber()).isEqualTo("4");
        assertThat(ps.orderNumber()).isEqualTo("424н");
        assertThat(ps.approvalDate()).isEqualTo(LocalDate.of(2022, 7, 20));
        assertThat(ps.activityKind()).isEqualTo("Разработка компьютерного программного обеспечения");

        GeneralizedFunction a = ps.generalizedFunctions().get(0);
        assertThat(a.code()).isEqualTo("A");
        assertThat(a.name()).isEqualTo("Разработка и отладка программного кода");
        assertThat(a.qualificationLevel()).isEqualTo(3);
        assertThat(a.jobTitles()).containsExactly("Помощник программиста");
        assertThat(ps.generalizedFunctions()).extracting(GeneralizedFunction::code)
                .containsExactly("A", "B", "C", "D");

        LabourFunction a01 = a.functions().get(0);
        assertThat(a01.code()).isEqualTo("A/01.3");
        assertThat(a01.name())
                .isEqualTo("Формализация и алгоритмизация поставленных задач для разработки программного кода");
        assertThat(a01.subLevel()).isEqualTo(3);
        assertThat(a01.elements()).first().isEqualTo(new FunctionElement(ElementKind.LABOUR_ACTION, 1,
                "Составление формализованных описаний решений поставленных задач в соответствии с требованиями "
                        + "технического задания или внутренних документов организации"));
        assertThat(a01.elements()).filteredOn(e -> e.kind() == ElementKind.REQUIRED_KNOWLEDGE)
                .extracting(FunctionElement::position).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void readsHeaderOf2013EditionSideBySide() {
        ProfessionalStandard ps = reader.readAll(resource("06.001-programmist-2013.xml")).get(0);

        assertThat(ps.code()).isEqualTo("06.001");
        assertThat(ps.name()).isEqualTo("Программист");
        assertThat(ps.registrationNumber()).isEqualTo("4");
        assertThat(ps.orderNumber()).isEqualTo("679н");
        assertThat(ps.approvalDate()).isEqualTo(LocalDate.of(2013, 11, 18));
        // The file says B/04.5 with SubQualification 4: SubQualification wins over the code.
        assertThat(ps.labourFunctions()).filteredOn(f -> f.code().equals("B/04.5"))
                .singleElement().extracting(LabourFunction::subLevel).isEqualTo(4);
    }

    @Test
    void normalizesCyrillicFunctionCodesToLatin() throws IOException {
        // the current 06.001 file spells its ТФ codes with a Cyrillic А, В, С
        assertThat(text("06.001-programmist.xml")).contains("<CodeTF>А/01.3</CodeTF>");

        for (String file : FILES) {
            ProfessionalStandard ps = reader.readAll(resource(file)).get(0);
            assertThat(ps.generalizedFunctions()).extracting(GeneralizedFunction::code)
                    .allMatch(c -> c.matches("[A-Z]"), "Latin ОТФ codes in " + file);
            assertThat(ps.labourFunctions()).extracting(LabourFunction::code)
                    .allMatch(c -> c.matches("[A-Z]/\\d{2}\\.\\d"), "Latin ТФ codes in " + file)
                    .noneMatch(c -> c.chars().anyMatch(ch -> Character.UnicodeBlock.of(ch)
                            == Character.UnicodeBlock.CYRILLIC));
        }
        ProfessionalStandard current = reader.readAll(resource("06.001-programmist.xml")).get(0);
        assertThat(current.labourFunctions()).extracting(LabourFunction::code)
                .contains("A/01.3", "B/01.4", "C/01.5", "D/01.6");
    }

    // ---------------------------------------------------------------- bulk files, streaming

    @Test
    void readsBulkFileWithManyStandardsFromDifferentSectors() throws IOException {
        StringBuilder bulk = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<XMLCardInfo xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "<ProfessionalStandarts>\n");
        for (String file : FILES) {
            bulk.append(standardElements(text(file))).append('\n');
        }
        bulk.append(standardElements(testText("mintrud/other-sector.xml")));
        bulk.append("\n</ProfessionalStandarts>\n</XMLCardInfo>\n");

        List<ProfessionalStandard> streamed = new ArrayList<>();
        reader.read(utf8(bulk.toString()), streamed::add);

        assertThat(streamed).extracting(ProfessionalStandard::code, ProfessionalStandard::orderNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("06.001", "424н"),
                        org.assertj.core.groups.Tuple.tuple("06.001", "679н"),
                        org.assertj.core.groups.Tuple.tuple("06.004", "225н"),
                        org.assertj.core.groups.Tuple.tuple("06.011", "647н"),
                        org.assertj.core.groups.Tuple.tuple("06.035", "44н"),
                        org.assertj.core.groups.Tuple.tuple("40.062", "100н"));
        assertCounts(streamed.get(0), "06.001", 4, 16, 70, 77, 73);
        assertCounts(streamed.get(1), "06.001", 4, 15, 59, 52, 64);
        assertCounts(streamed.get(2), "06.004", 4, 24, 117, 62, 68);
        assertCounts(streamed.get(3), "06.011", 5, 44, 117, 93, 87);
        assertCounts(streamed.get(4), "06.035", 4, 28, 120, 135, 224);
        assertCounts(streamed.get(5), "40.062", 1, 1, 2, 1, 1);
        for (int i = 0; i < FILES.length; i++) {
            assertThat(streamed.get(i)).isEqualTo(reader.readAll(resource(FILES[i])).get(0));
        }
    }

    @Test
    void handlesWhitespaceCdataEntitiesAndMissingSubQualification() {
        ProfessionalStandard ps = reader.readAll(testResource("mintrud/other-sector.xml")).get(0);

        assertThat(ps.name()).isEqualTo("Слесарь-ремонтник промышленного оборудования");
        assertThat(ps.orderNumber()).isEqualTo("100н");
        assertThat(ps.approvalDate()).isEqualTo(LocalDate.of(2020, 2, 1));
        GeneralizedFunction b = ps.generalizedFunctions().get(0);
        assertThat(b.code()).isEqualTo("B");
        assertThat(b.qualificationLevel()).isEqualTo(3);
        assertThat(b.jobTitles()).containsExactly("Слесарь-ремонтник 3-го разряда");
        LabourFunction b01 = b.functions().get(0);
        assertThat(b01.code()).isEqualTo("B/01.3");
        assertThat(b01.name()).isEqualTo("Разборка & сборка");
        assertThat(b01.subLevel()).isEqualTo(3); // from the code: no SubQualification element
        assertThat(b01.elements()).containsExactly(
                new FunctionElement(ElementKind.LABOUR_ACTION, 1, "Разборка узлов"),
                new FunctionElement(ElementKind.LABOUR_ACTION, 2, "Сборка узлов"),
                new FunctionElement(ElementKind.REQUIRED_SKILL, 1, "Читать чертежи"),
                new FunctionElement(ElementKind.REQUIRED_KNOWLEDGE, 1, "Устройство <узлов>"));
    }

    @Test
    void handsOverEachStandardAsSoonAsItsEndTagIsRead() throws IOException {
        String xml = "<XMLCardInfo><ProfessionalStandarts>" + standardElements(text(FILES[0]))
                + "<ProfessionalStandart><NameProfessionalStandart>broken";
        List<ProfessionalStandard> streamed = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(utf8(xml), streamed::add))
                .isInstanceOf(StandardImportException.class)
                .hasMessageContaining("malformed XML");
        assertThat(streamed).singleElement().extracting(ProfessionalStandard::orderNumber).isEqualTo("424н");
    }

    // ---------------------------------------------------------------- encodings

    @Test
    void readsWindows1251EncodedFileIdentically() throws IOException {
        Charset cp1251 = Charset.forName("windows-1251");
        for (String file : FILES) {
            String xml = text(file);
            assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            String recoded = xml.replaceFirst("encoding=\"utf-8\"", "encoding=\"windows-1251\"");
            assertThat(cp1251.newEncoder().canEncode(recoded)).isTrue();

            List<ProfessionalStandard> fromCp1251 =
                    reader.readAll(new ByteArrayInputStream(recoded.getBytes(cp1251)));

            assertThat(fromCp1251).isEqualTo(reader.readAll(resource(file)));
        }
    }

    @Test
    void readsUtf8FileWithByteOrderMark() throws IOException {
        byte[] original = resource(FILES[0]).readAllBytes();
        byte[] withBom = new byte[original.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(original, 0, withBom, 3, original.length);

        assertThat(reader.readAll(new ByteArrayInputStream(withBom)))
                .isEqualTo(reader.readAll(resource(FILES[0])));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void rejectsMalformedXmlWithLocation() {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<XMLCardInfo>\n<ProfessionalStandarts>\n"
                + "<ProfessionalStandart><NameProfessionalStandart>X</Name>\n</ProfessionalStandarts></XMLCardInfo>";

        assertThatThrownBy(() -> reader.readAll(utf8(xml)))
                .isInstanceOfSatisfying(StandardImportException.class, e -> {
                    assertThat(e.getMessage()).startsWith("malformed XML").contains("line 4");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isPositive();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not xml at all", "<XMLCardInfo>"})
    void rejectsEmptyOrTruncatedInput(String xml) {
        assertThatThrownBy(() -> reader.readAll(utf8(xml)))
                .isInstanceOf(StandardImportException.class)
                .hasMessageContaining("malformed XML");
    }

    @Test
    void rejectsDoctypeWithExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<!DOCTYPE XMLCardInfo [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<XMLCardInfo><ProfessionalStandarts><ProfessionalStandart>"
                + "<NameProfessionalStandart>&xxe;</NameProfessionalStandart>"
                + "</ProfessionalStandart></ProfessionalStandarts></XMLCardInfo>";
        List<ProfessionalStandard> streamed = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(utf8(xml), streamed::add))
                .isInstanceOfSatisfying(StandardImportException.class, e -> {
                    assertThat(e.getMessage()).contains("DTDs are not allowed")
                            .doesNotContain("TOP-SECRET-CONTENT");
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThat(streamed).isEmpty();
    }

    @Test
    void rejectsDoctypeWithExternalDtd(@TempDir Path dir) throws IOException {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY name \"from the DTD\">");
        String xml = "<!DOCTYPE XMLCardInfo SYSTEM \"" + dtd.toUri() + "\">\n<XMLCardInfo/>";

        assertThatThrownBy(() -> reader.readAll(utf8(xml)))
                .isInstanceOf(StandardImportException.class)
                .hasMessageContaining("DTDs are not allowed");
    }

    @Test
    void rejectsBillionLaughsQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE XMLCardInfo [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String prev = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd
                + "<XMLCardInfo><ProfessionalStandarts><ProfessionalStandart>"
                + "<NameProfessionalStandart>&lol9;</NameProfessionalStandart>"
                + "</ProfessionalStandart></ProfessionalStandarts></XMLCardInfo>";

        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> reader.readAll(utf8(xml)))
                        .isInstanceOf(StandardImportException.class)
                        .hasMessageContaining("DTDs are not allowed"));
    }

    @Test
    void rejectsWrongRootElement() {
        assertThatThrownBy(() -> reader.readAll(utf8("<?xml version=\"1.0\"?>\n<Programme><x/></Programme>")))
                .isInstanceOfSatisfying(StandardImportException.class, e -> {
                    assertThat(e.getMessage()).startsWith("expected root element XMLCardInfo, found Programme");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<XMLCardInfo><ProfessionalStandarts></ProfessionalStandarts></XMLCardInfo>",
        "<XMLCardInfo><ProfessionalStandarts/></XMLCardInfo>",
        "<XMLCardInfo/>",
        "<XMLCardInfo><Other><ProfessionalStandart/></Other></XMLCardInfo>",
    })
    void rejectsFileWithoutStandards(String xml) {
        assertThatThrownBy(() -> reader.readAll(utf8(xml)))
                .isInstanceOf(StandardImportException.class)
                .hasMessageStartingWith("no professional standards in file");
    }

    @Test
    void rejectsStandardWithoutOrderNumber() throws IOException {
        String xml = text(FILES[0]).replace("<OrderNumber>424н</OrderNumber>", "");

        assertThatThrownBy(() -> reader.readAll(utf8(xml)))
                .isInstanceOfSatisfying(StandardImportException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("standard #1 06.001 «Программист»")
                            .contains("required field OrderNumber is missing");
                    assertThat(e.line()).isEqualTo(4);
                });
    }

    @Test
    void rejectsMissingFieldsOfFunctions() throws IOException {
        String noName = text(FILES[0]).replace(
                "<NameTF>Формализация и алгоритмизация поставленных задач для разработки программного кода</NameTF>", "");
        assertThatThrownBy(() -> reader.readAll(utf8(noName)))
                .hasMessageContaining("06.001")
                .hasMessageContaining("ОТФ A, ТФ A/01.3: required field NameTF is missing");

        String noCode = text(FILES[0]).replace("<CodeTF>А/02.3</CodeTF>", "");
        assertThatThrownBy(() -> reader.readAll(utf8(noCode)))
                .hasMessageContaining("ОТФ A, ТФ #2: required field CodeTF is missing");

        String noLevel = text(FILES[0]).replace("<LevelOfQualification>4</LevelOfQualification>", "");
        assertThatThrownBy(() -> reader.readAll(utf8(noLevel)))
                .hasMessageContaining("ОТФ B: required field LevelOfQualification is missing");
    }

    @Test
    void rejectsFunctionCodesRepeatedWithinAStandardAfterNormalization() throws IOException {
        // Cyrillic А/02.3 respelled as Latin A/01.3: the same code as the ТФ before it
        String tf = text(FILES[0]).replace("<CodeTF>А/02.3</CodeTF>", "<CodeTF>A/01.3</CodeTF>");
        assertThatThrownBy(() -> reader.readAll(utf8(tf)))
                .isInstanceOfSatisfying(StandardImportException.class, e -> {
                    assertThat(e.getMessage()).contains("06.001").contains("ТФ code A/01.3 occurs twice");
                    assertThat(e.line()).isPositive();
                });

        String otf = text(FILES[0]).replace("<CodeOTF>B</CodeOTF>", "<CodeOTF>А</CodeOTF>");
        assertThat(otf).isNotEqualTo(text(FILES[0]));
        assertThatThrownBy(() -> reader.readAll(utf8(otf)))
                .hasMessageContaining("ОТФ code A occurs twice");
    }

    @Test
    void rejectsUnparseableDateAndLevel() throws IOException {
        String badDate = text(FILES[0]).replace("20.07.2022", "2022-07-20");
        assertThatThrownBy(() -> reader.readAll(utf8(badDate)))
                .isInstanceOfSatisfying(StandardImportException.class, e -> {
                    assertThat(e.getMessage()).contains("DateOfApproval '2022-07-20' is not a date");
                    assertThat(e.line()).isEqualTo(4);
                });

        String impossibleDate = text(FILES[0]).replace("20.07.2022", "31.02.2022");
        assertThatThrownBy(() -> reader.readAll(utf8(impossibleDate)))
                .hasMessageContaining("DateOfApproval '31.02.2022'");

        String badLevel = text(FILES[0]).replace("<LevelOfQualification>3</LevelOfQualification>",
                "<LevelOfQualification>третий</LevelOfQualification>");
        assertThatThrownBy(() -> reader.readAll(utf8(badLevel)))
                .hasMessageContaining("ОТФ A: LevelOfQualification 'третий' is not a qualification level");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertCounts(ProfessionalStandard ps, String code, int otf, int tf, int actions,
                                     int skills, int knowledge) {
        assertThat(ps.code()).isEqualTo(code);
        assertThat(ps.generalizedFunctions()).as("ОТФ of %s", code).hasSize(otf);
        assertThat(ps.labourFunctions()).as("ТФ of %s", code).hasSize(tf);
        assertThat(ps.count(ElementKind.LABOUR_ACTION)).as("labour actions of %s", code).isEqualTo(actions);
        assertThat(ps.count(ElementKind.REQUIRED_SKILL)).as("skills of %s", code).isEqualTo(skills);
        assertThat(ps.count(ElementKind.REQUIRED_KNOWLEDGE)).as("knowledge of %s", code).isEqualTo(knowledge);
    }

    private static void assertWellFormed(ProfessionalStandard ps) {
        for (GeneralizedFunction g : ps.generalizedFunctions()) {
            assertThat(g.qualificationLevel()).isBetween(1, 9);
            assertThat(g.name()).isNotBlank();
            for (LabourFunction f : g.functions()) {
                assertThat(f.code()).startsWith(g.code() + "/");
                assertThat(f.subLevel()).isBetween(g.qualificationLevel() - 1, g.qualificationLevel() + 1);
                Map<ElementKind, List<Integer>> positions = f.elements().stream().collect(Collectors.groupingBy(
                        FunctionElement::kind, Collectors.mapping(FunctionElement::position, Collectors.toList())));
                positions.values().forEach(p -> assertThat(p).isEqualTo(
                        java.util.stream.IntStream.rangeClosed(1, p.size()).boxed().toList()));
                assertThat(f.elements()).extracting(FunctionElement::text)
                        .allMatch(t -> !t.isBlank() && t.equals(t.strip()) && !t.contains("  ")
                                && !t.contains("\n"));
            }
        }
        assertThat(ps.labourFunctions()).extracting(LabourFunction::code)
                .doesNotHaveDuplicates();
    }

    /** The ProfessionalStandart elements of a file, taken out of their XMLCardInfo as text. */
    private static String standardElements(String xml) {
        int start = xml.indexOf("<ProfessionalStandarts>") + "<ProfessionalStandarts>".length();
        int end = xml.lastIndexOf("</ProfessionalStandarts>");
        assertThat(start).isGreaterThan("<ProfessionalStandarts>".length());
        assertThat(end).isGreaterThan(start);
        return xml.substring(start, end);
    }

    private static InputStream resource(String file) {
        return testResource("reference/standards/" + file);
    }

    private static InputStream testResource(String path) {
        InputStream in = MintrudXmlReaderTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as("classpath resource %s", path).isNotNull();
        return in;
    }

    private static String text(String file) throws IOException {
        return testText("reference/standards/" + file);
    }

    private static String testText(String path) throws IOException {
        try (InputStream in = testResource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
