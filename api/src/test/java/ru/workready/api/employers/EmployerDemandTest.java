package ru.workready.api.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;

/**
 * An employer declares its own demand (docs/employers.md): rows for its own job profiles are
 * stored; a row for another employer's profile reads exactly like an unknown employer, and
 * regional rows by ТФ or qualification are left to the administrator — all or nothing, as ever.
 */
class EmployerDemandTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeyService keys;
    @Autowired
    ru.workready.data.colleges.RegionRepository regions;

    @Test
    void anEmployerDeclaresDemandForItsOwnProfilesOnly() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String own = "DEMAND-OWN-" + tag;
        String other = "DEMAND-OTHER-" + tag;
        String region = "Регион-спроса-" + tag;
        regions.ensure("T-" + tag, region, false); // a region of its own: employers and demand name known regions
        for (String code : new String[] {own, other}) {
            assertThat(admin(post("/api/employers").contentType("application/json").content("""
                    {"code":"%s","name":"ООО «%s»","region":"%s"}""".formatted(code, code, region))).getStatus())
                    .isEqualTo(201);
            assertThat(admin(post("/api/employers/" + code + "/profiles").contentType("application/json").content("""
                    {"code":"DEV","name":"Разработчик","functions":[{"standard":"06.001","function":"A/01.3","importance":3}]}"""))
                    .getStatus()).isEqualTo(201);
        }
        keys.createOrganisation(own, "ООО «Свой»", OrganisationKind.EMPLOYER, null);
        String key = keys.createKey(own, Role.EMPLOYER, "demand", null, null, null).secret();

        MockHttpServletResponse ok = send(key, "region;year;needed;employer;profile\n%s;2027;7;%s;DEV\n".formatted(region, own));
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(201);
        MockHttpServletResponse json = mvc.perform(post("/api/demand").header(API_KEY_HEADER, key)
                .contentType("application/json").content("""
                        [{"region":"%s","year":2028,"needed":3,"employer":"%s","profile":"DEV"}]""".formatted(region, own)))
                .andReturn().getResponse();
        assertThat(json.getStatus()).as(json.getContentAsString()).isEqualTo(201);

        MockHttpServletResponse foreign = send(key, "region;year;needed;employer;profile\n%s;2027;9;%s;DEV\n".formatted(region, other));
        MockHttpServletResponse unknown = send(key, "region;year;needed;employer;profile\n%s;2027;9;NO-SUCH-%s;DEV\n".formatted(region, tag));
        assertThat(foreign.getStatus()).isEqualTo(400);
        assertThat(foreign.getContentAsString()).contains("https://workready.ru/problems/invalid-demand")
                .contains("\"column\":\"employer\"").contains("unknown employer")
                .isEqualTo(unknown.getContentAsString().replace("NO-SUCH-" + tag, other));

        MockHttpServletResponse regional = send(key, """
                region;year;needed;employer;profile;standard_code;function_code
                %s;2027;4;%s;DEV;;
                %s;2027;12;;;06.001;A/05.3
                """.formatted(region, own, region));
        assertThat(regional.getStatus()).isEqualTo(400);
        assertThat(regional.getContentAsString()).contains("\"row\":3").contains("\"column\":\"standard_code\"")
                .contains("own job profiles");

        // only the first two uploads were stored: all or nothing
        String stored = mvc.perform(get("/api/demand").param("region", region)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(stored).contains("\"needed\":7").contains("\"needed\":3").doesNotContain("\"needed\":9")
                .doesNotContain("\"needed\":4").doesNotContain("\"needed\":12");
        // the administrator still declares regional lists
        MockHttpServletResponse admin = admin(post("/api/demand").contentType("text/csv").content(
                "region;year;needed;standard_code;function_code\n%s;2027;12;06.001;A/05.3\n".formatted(region)
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(admin.getStatus()).as(admin.getContentAsString()).isEqualTo(201);
    }

    private MockHttpServletResponse send(String key, String csv) throws Exception {
        return mvc.perform(post("/api/demand").header(API_KEY_HEADER, key).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
    }

    private MockHttpServletResponse admin(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
