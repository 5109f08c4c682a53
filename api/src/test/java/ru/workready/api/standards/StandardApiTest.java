package ru.workready.api.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;

/** Standards over HTTP: multipart upload, editions and their diff, browse, search, pagination. */
class StandardApiTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static String reference(String file) throws IOException {
        try (InputStream in = StandardApiTest.class.getResourceAsStream("/reference/standards/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A reference file under a code of its own: the demo's 06.001 must stay as it is for other tests. */
    static byte[] recoded(String file, String code) throws IOException {
        return reference(file).replaceFirst("<CodeKindProfessionalActivity>[^<]*<",
                "<CodeKindProfessionalActivity>" + code + "<").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bulk(byte[]... files) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><XMLCardInfo><ProfessionalStandarts>");
        for (byte[] f : files) {
            String s = new String(f, StandardCharsets.UTF_8);
            sb.append(s, s.indexOf("<ProfessionalStandart>"), s.lastIndexOf("</ProfessionalStandarts>"));
        }
        return sb.append("</ProfessionalStandarts></XMLCardInfo>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void severalFilesUploadAsMultipartAndAgainAsANoOp() throws Exception {
        MockMultipartFile single = new MockMultipartFile("file", "tester.xml", "application/xml",
                recoded("06.004-tester.xml", "98.401"));
        MockMultipartFile bulk = new MockMultipartFile("file", "bulk.xml", "application/xml",
                bulk(recoded("06.011-database-administrator.xml", "98.402"), recoded("06.035-web-developer.xml", "98.403")));

        mvc.perform(multipart("/api/standards").file(single).file(bulk))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].file").value("tester.xml"))
                .andExpect(jsonPath("$[0].standards[0].status").value("CREATED"))
                .andExpect(jsonPath("$[0].standards[0].labourFunctions").value(24))
                .andExpect(jsonPath("$[1].standards.length()").value(2))
                .andExpect(jsonPath("$[1].standards[1].code").value("98.403"));
        mvc.perform(multipart("/api/standards").file(single).file(bulk))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].standards[0].status").value("UNCHANGED"))
                .andExpect(jsonPath("$[1].standards[*].status", everyItem(org.hamcrest.Matchers.is("UNCHANGED"))));
    }

    @Test
    void oneBadFileRejectsTheWholeUploadNamingTheFile() throws Exception {
        MockMultipartFile good = new MockMultipartFile("file", "good.xml", "application/xml",
                recoded("06.004-tester.xml", "98.411"));
        MockMultipartFile bad = new MockMultipartFile("file", "broken.xml", "application/xml",
                "<XMLCardInfo><ProfessionalStandarts>".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/standards").file(good).file(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-standard-xml"))
                .andExpect(jsonPath("$.problems[0].column").value("file"))
                .andExpect(jsonPath("$.problems[0].value").value("broken.xml"))
                .andExpect(jsonPath("$.detail", startsWith("File broken.xml:")));
        mvc.perform(get("/api/standards").param("q", "98.411")).andExpect(header().string("X-Total-Count", "0"));
    }

    @Test
    void aFunctionCodeRepeatedInOneStandardIs400NamingItNot500() throws Exception {
        // Cyrillic А/02.3 respelled as Latin A/01.3: after normalization the same code as the ТФ before it
        String xml = new String(recoded("06.001-programmist.xml", "98.431"), StandardCharsets.UTF_8)
                .replace("<CodeTF>А/02.3</CodeTF>", "<CodeTF>A/01.3</CodeTF>");
        mvc.perform(post("/api/standards").contentType("application/xml").content(xml))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-standard-xml"))
                .andExpect(jsonPath("$.detail", containsString("ТФ code A/01.3 occurs twice")));
        mvc.perform(get("/api/standards").param("q", "98.431")).andExpect(header().string("X-Total-Count", "0"));
    }

    @Test
    void anOversizedFileIs413() throws Exception {
        byte[] huge = new byte[(int) StandardController.MAX_XML_BYTES + 1];
        mvc.perform(multipart("/api/standards").file(new MockMultipartFile("file", "huge.xml", "application/xml", huge)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/payload-too-large"));
    }

    @Test
    void aNewEditionReportsItsDiffAndTheOldOneStays() throws Exception {
        mvc.perform(post("/api/standards").contentType("application/xml")
                        .content(recoded("06.001-programmist-2013.xml", "98.421")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].diff").doesNotExist());
        mvc.perform(post("/api/standards").contentType("application/xml")
                        .content(recoded("06.001-programmist.xml", "98.421")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].current").value(true))
                .andExpect(jsonPath("$[0].diff.comparedWithOrderNumber").value("679н"))
                .andExpect(jsonPath("$[0].diff.added[0]").value("B/05.4"))
                .andExpect(jsonPath("$[0].diff.removed[0]").value("B/04.5"))
                .andExpect(jsonPath("$[0].diff.renamed[0].code").value("A/01.3"));
        mvc.perform(get("/api/standards").param("q", "98.421"))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[0].orderNumber").value("424н"))
                .andExpect(jsonPath("$[1].current").value(false));
    }

    @Test
    void standardsAreSearchedByWordsAndPaged() throws Exception {
        mvc.perform(get("/api/standards").param("q", "программистов"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("06.001")));
        mvc.perform(get("/api/standards").param("size", "1").param("current", "true"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(header().string("Link", containsString("rel=\"next\"")))
                .andExpect(header().string("X-Page-Size", "1"));
        mvc.perform(get("/api/standards").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-parameter"));
        mvc.perform(get("/api/standards").param("page", "x"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void functionsAndElementsAreAddressableAndSearchable() throws Exception {
        long id = jdbc.sql("select id from professional_standard where code = '06.001' and order_number = '424н'")
                .query(Long.class).single();
        mvc.perform(get("/api/standards/" + id))
                .andExpect(jsonPath("$.details.okz.length()").value(3))
                .andExpect(jsonPath("$.details.okved[0].code").value("62.01"))
                .andExpect(jsonPath("$.generalizedFunctions[0].requirements.education[0]",
                        startsWith("Среднее профессиональное образование")))
                .andExpect(jsonPath("$.generalizedFunctions[0].requirements.okpdtr[0].code").value("27099"));
        mvc.perform(get("/api/standards/" + id + "/functions/А/01.3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.function.code").value("A/01.3"))
                .andExpect(jsonPath("$.labourActions[0].key").value("LA1"))
                .andExpect(jsonPath("$.labourActions[0].id").isNumber())
                .andExpect(jsonPath("$.requiredSkills[1].key").value("RS2"))
                .andExpect(jsonPath("$.requiredKnowledge[0].key").value("NK1"));
        mvc.perform(get("/api/standards/" + id + "/functions/Z/09.9")).andExpect(status().isNotFound());
        mvc.perform(get("/api/functions").param("q", "А/01.3"))
                .andExpect(jsonPath("$[*].code", everyItem(startsWith("A/01.3"))))
                .andExpect(jsonPath("$[?(@.standardCode=='06.001')].orderNumber").value("424н"));
        mvc.perform(get("/api/functions").param("q", "алгоритмизация задач").param("standard", Long.toString(id)))
                .andExpect(jsonPath("$[0].code").value("A/01.3"));
        mvc.perform(get("/api/function-elements").param("q", "формализации").param("standard", Long.toString(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].function.code").isString())
                .andExpect(jsonPath("$[0].key").isString());
        mvc.perform(get("/api/function-elements").param("q", " ")).andExpect(status().isBadRequest());
    }

    @Test
    void theOpenApiDocumentDescribesTheSkillsModel() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/functions']").exists())
                .andExpect(jsonPath("$.paths['/api/programmes/{id}/csv']").exists())
                .andExpect(jsonPath("$.paths['/api/mapping-sets/{id}/mappings']").exists());
    }

    @Test
    void elementsOfTheWholeTreeCarryIdsAndKeys() throws Exception {
        long id = jdbc.sql("select id from professional_standard where code = '06.001' and order_number = '424н'")
                .query(Long.class).single();
        String body = mvc.perform(get("/api/standards/" + id).param("elements", "true"))
                .andExpect(jsonPath("$.generalizedFunctions[0].functions[0].labourActions[0].key").value("LA1"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"requiredKnowledge\"");
    }
}
