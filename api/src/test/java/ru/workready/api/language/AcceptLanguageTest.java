package ru.workready.api.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.programmes.ProgrammeRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Accept-Language: ru gives the texts people read in Russian; without it (or preferring English) the API speaks English. */
class AcceptLanguageTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode call(MockHttpServletRequestBuilder request, String language) throws Exception {
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Autowired
    ProgrammeRepository programmes;
    private static String college;

    /** A college of its own: the refused files stay out of the demo college's history. */
    private MockHttpServletRequestBuilder badFile() {
        if (college == null) {
            college = "LANG-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            programmes.insertCollege(college, "Колледж языков", "Тест");
        }
        return post("/api/colleges/" + college + "/assessments").contentType("text/csv")
                .content("student_id,outcome_code,kind,result,assessed_on\nNOPE,ПК 1.1,COURSE_GRADE,5,2026-11-01\n"
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRefusedFileIsExplainedInTheLanguageAsked() throws Exception {
        JsonNode ru = call(badFile(), "ru-RU,ru;q=0.9");
        assertThat(ru.get("detail").asString()).isEqualTo("В строках файла ошибок: 1; ничего не сохранено");
        assertThat(ru.get("title").asString()).isEqualTo("Неверные данные");
        assertThat(ru.at("/problems/0/reason").asString()).isEqualTo("неизвестный студент колледжа " + college);
        assertThat(ru.at("/problems/0/value").asString()).isEqualTo("NOPE");

        JsonNode en = call(badFile(), null);
        assertThat(en.get("detail").asString()).isEqualTo("The file has 1 problem(s) in its rows; nothing was stored");
        assertThat(en.at("/problems/0/reason").asString()).isEqualTo("unknown student of college " + college);
        assertThat(call(badFile(), "en-GB,en;q=0.9,ru;q=0.5").get("detail").asString()).startsWith("The file has");

        // the refused upload in the history: the same texts
        JsonNode history = call(get("/api/colleges/" + college + "/uploads"), "ru");
        JsonNode refused = null;
        for (JsonNode u : history) {
            if ("REJECTED".equals(u.get("status").asString())) {
                refused = u;
                break;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.get("detail").asString()).startsWith("В строках файла ошибок");
        assertThat(refused.at("/problems/0/reason").asString()).isEqualTo("неизвестный студент колледжа " + college);
    }

    @Test
    void levelReasonsAndSecurityRefusalsInRussian() throws Exception {
        JsonNode ru = call(get("/api/students/DEMO-001/readiness").param("standard", "06.001").param("explain", "true"), "ru");
        for (JsonNode f : ru.get("functions")) {
            assertThat(f.get("reason").asString()).as(f.get("code").asString()).doesNotContainPattern("[A-Za-z]{3,}");
        }
        JsonNode en = call(get("/api/students/DEMO-001/readiness").param("standard", "06.001"), null);
        assertThat(en.at("/functions/0/reason").asString()).matches("[A-Z][a-z].*");

        JsonNode refused = call(get("/api/keys").header(API_KEY_HEADER, "wr_not-a-key-at-all-0123456789abcdefghijkl"), "ru");
        assertThat(refused.get("detail").asString()).isEqualTo("Ключ API недействителен");
    }
}
