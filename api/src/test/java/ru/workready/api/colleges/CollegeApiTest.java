package ru.workready.api.colleges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.workready.api.ApiTest;
import ru.workready.data.colleges.CollegeService;

/** Registering colleges through the API: every field checked, regions from one list, duplicates and removals. */
class CollegeApiTest extends ApiTest {
    @Autowired
    MockMvc mvc;

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/colleges").contentType("application/json").content(json));
    }

    @Test
    void theSubjectsOfTheFederationAreReferenceData() throws Exception {
        mvc.perform(get("/api/regions")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.reference == true)].code").value(org.hamcrest.Matchers.hasSize(85)))
                .andExpect(jsonPath("$[?(@.code == '26')].name").value("Ставропольский край"))
                .andExpect(jsonPath("$[?(@.code == 'DEMO')].demo").value(true));
    }

    @Test
    void aCollegeIsRegisteredWithItsOrganisationAndFoundByRegionCodeOrName() throws Exception {
        String code = "SPK-" + run;
        create("""
                {"code": "%s", "name": "Ставропольский политехнический колледж", "shortName": "СПК",
                 "region": "26", "inn": "2634003654", "address": "г. Ставрополь",
                 "organisation": {"code": "org-%s"}}""".formatted(code, code))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.college.code").value(code))
                .andExpect(jsonPath("$.college.region").value("Ставропольский край"))
                .andExpect(jsonPath("$.college.regionCode").value("26"))
                .andExpect(jsonPath("$.college.students").value(0))
                .andExpect(jsonPath("$.organisation.kind").value("COLLEGE"))
                .andExpect(jsonPath("$.organisation.name").value("Ставропольский политехнический колледж"));
        // the region by its official name is the same region: one spelling
        mvc.perform(get("/api/colleges").param("region", "ставропольский край ").param("q", run))
                .andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].code").value(code));
        mvc.perform(get("/api/colleges").param("region", "26").param("q", run))
                .andExpect(header().string("X-Total-Count", "1"));
        mvc.perform(get("/api/colleges").param("region", "Ставрополье")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("region"));
        mvc.perform(get("/api/colleges/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.shortName").value("СПК"));
        // a duplicate code is a conflict
        create("""
                {"code": "%s", "name": "Другой", "region": "77"}""".formatted(code))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/college-conflict"));
        mvc.perform(patch("/api/colleges/" + code).contentType("application/json")
                        .content("{\"name\": \"ГБПОУ СПК\", \"region\": \"Москва\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("ГБПОУ СПК"))
                .andExpect(jsonPath("$.region").value("Москва")).andExpect(jsonPath("$.shortName").value("СПК"));
        // it has an organisation: it stays
        mvc.perform(delete("/api/colleges/" + code)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.problems[0].column").value("organisations"));
    }

    @Test
    void everyBadFieldIsListed() throws Exception {
        create("""
                {"code": "bad code!", "name": "", "region": "Атлантида", "inn": "1234567890", "shortName": "%s"}"""
                .formatted("x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-college"))
                .andExpect(jsonPath("$.problems[?(@.column == 'code')]").exists())
                .andExpect(jsonPath("$.problems[?(@.column == 'name')]").exists())
                .andExpect(jsonPath("$.problems[?(@.column == 'region')]").exists())
                .andExpect(jsonPath("$.problems[?(@.column == 'inn')]").exists())
                .andExpect(jsonPath("$.problems[?(@.column == 'shortName')]").exists());
        create("{\"code\": \"X-" + run + "\", \"name\": \"Без региона\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("region"));
        // a college organisation with a bad code: nothing registered
        create("{\"code\": \"Y-" + run + "\", \"name\": \"Колледж\", \"region\": \"01\", \"organisation\": {\"code\": \"?\"}}")
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/colleges/Y-" + run)).andExpect(status().isNotFound());
        mvc.perform(patch("/api/colleges/DEMO").contentType("application/json").content("{\"code\": \"OTHER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].column").value("code"));
        mvc.perform(get("/api/colleges/NO-SUCH-" + run)).andExpect(status().isNotFound());
    }

    @Test
    void aCollegeWithStudentsCannotBeDeletedAndAMistakenOneCan() throws Exception {
        mvc.perform(delete("/api/colleges/DEMO")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.problems[?(@.column == 'students')]").exists());
        String code = "OOPS-" + run;
        create("{\"code\": \"" + code + "\", \"name\": \"Ошибка\", \"region\": \"01\"}").andExpect(status().isCreated());
        mvc.perform(delete("/api/colleges/" + code)).andExpect(status().isNoContent());
        mvc.perform(get("/api/colleges/" + code)).andExpect(status().isNotFound());
    }

    @Test
    void innCheckDigit() {
        assertThat(CollegeService.validInn("7707083893")).isTrue();
        assertThat(CollegeService.validInn("7707083894")).isFalse();
        assertThat(CollegeService.validInn("770708389")).isFalse();
    }
}
