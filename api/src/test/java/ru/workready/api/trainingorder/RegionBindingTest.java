package ru.workready.api.trainingorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.workready.api.ApiTest;
import ru.workready.data.colleges.Regions;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;

/**
 * A designer key of a REGION organisation bound to the demo region plans that region only: another region's training
 * order, ТОП-Регион list, forecasts and capacities read as unknown (404), and an upload naming another region, or a
 * college of another region, is refused whole as naming an unknown one. A college organisation's designer plans within
 * its college's region; an unbound REGION organisation and ADMIN any region.
 */
class RegionBindingTest extends ApiTest {
    private static final String OTHER = "26";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeyService keys;
    @Autowired
    Regions regions;
    @Autowired
    ProgrammeRepository programmes;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

    private String designer(OrganisationKind kind, String college, String region) {
        String org = "bind-" + kind.name().toLowerCase(Locale.ROOT) + "-" + tag;
        keys.createOrganisation(org, "Организация " + org, kind, college, region);
        return keys.createKey(org, Role.CURRICULUM_DESIGNER, "t", null, null, null).secret();
    }

    private ResultActions order(String key, String region) throws Exception {
        return mvc.perform(get("/api/regions/{region}/training-order", region).header(API_KEY_HEADER, key));
    }

    private ResultActions upload(String key, String path, String csv) throws Exception {
        return mvc.perform(post(path).header(API_KEY_HEADER, key).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBoundRegionalAuthorityReadsItsOwnRegionOnly() throws Exception {
        String key = designer(OrganisationKind.REGION, null, "DEMO");
        order(key, "DEMO").andExpect(status().isOk()).andExpect(jsonPath("$.region").value("Демо-регион"));
        order(key, "Демо-регион").andExpect(status().isOk());
        // another region answers exactly as one that does not exist
        String unknown = order(key, "No-such-region").andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String other = order(key, OTHER).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(other.replace(OTHER, "X")).isEqualTo(unknown.replace("No-such-region", "X"));
        mvc.perform(get("/api/regions/{r}/top-region", OTHER).param("year", "2027").header(API_KEY_HEADER, key))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/forecasts").param("region", OTHER).param("from", "2027").param("to", "2031")
                .header(API_KEY_HEADER, key)).andExpect(status().isNotFound());
        mvc.perform(get("/api/intake-capacities").param("region", OTHER).header(API_KEY_HEADER, key))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/intake-capacities").param("region", "DEMO").header(API_KEY_HEADER, key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void aBoundRegionalAuthorityUploadsForItsOwnRegionOnly() throws Exception {
        String key = designer(OrganisationKind.REGION, null, "DEMO");
        String otherName = regions.officialName(OTHER).orElseThrow();
        String forecast = "region;year;fgos_code;count\nDEMO;2045;09.02.07;5\n" + OTHER + ";2045;09.02.07;5\n";
        upload(key, "/api/forecasts", forecast).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("region"))
                .andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.startsWith("unknown region")));
        // a labour-function row of another region too
        upload(key, "/api/forecasts", "region;year;standard_code;function_code;count\n" + OTHER
                + ";2045;06.001;A/01.3;4\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("region"));
        mvc.perform(get("/api/forecasts").param("region", "DEMO").param("from", "2045").param("to", "2045")
                .header(API_KEY_HEADER, key)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        upload(key, "/api/top-region", "region;list_year;fgos_code;name;rank\n" + otherName
                + ";2045;09.02.07;ИСиП;1\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("region"));

        String foreign = "BIND-" + tag.toUpperCase(Locale.ROOT);
        programmes.insertCollege(foreign, "Колледж другого региона", otherName);
        upload(key, "/api/intake-capacities", "college;fgos_code;places\n" + foreign + ";09.02.07;50\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("college"))
                .andExpect(jsonPath("$.problems[0].reason").value("unknown college code"));
        // its own region's college: stored (the demo's own limit again, so nothing changes)
        upload(key, "/api/intake-capacities", "college;fgos_code;places;source\nDEMO2;09.02.07;20;Демо лицензия\n")
                .andExpect(status().isCreated());
        upload(ADMIN_KEY, "/api/intake-capacities", "college;fgos_code;places\n" + foreign + ";09.02.07;50\n")
                .andExpect(status().isCreated());
    }

    @Test
    void aCollegesDesignerPlansWithinItsCollegesRegion() throws Exception {
        String key = designer(OrganisationKind.COLLEGE, "DEMO2", null);
        order(key, "DEMO").andExpect(status().isOk());
        order(key, OTHER).andExpect(status().isNotFound());
    }

    @Test
    void anUnboundRegionalAuthorityAndTheAdminPlanAnyRegion() throws Exception {
        String key = designer(OrganisationKind.REGION, null, null);
        order(key, OTHER).andExpect(status().isOk());
        order(key, "DEMO").andExpect(status().isOk());
        order(ADMIN_KEY, OTHER).andExpect(status().isOk());
    }

    @Test
    void onlyARegionOrganisationIsBoundAndOnlyToAKnownRegion() throws Exception {
        String admin = ADMIN_KEY;
        mvc.perform(post("/api/organisations").header(API_KEY_HEADER, admin).contentType("application/json")
                        .content("{\"code\": \"bind-api-" + tag + "\", \"name\": \"Минобр\", \"kind\": \"REGION\", "
                                + "\"region\": \"DEMO\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.region").value("Демо-регион"));
        mvc.perform(post("/api/organisations").header(API_KEY_HEADER, admin).contentType("application/json")
                        .content("{\"code\": \"bind-bad-" + tag + "\", \"name\": \"Минобр\", \"kind\": \"REGION\", "
                                + "\"region\": \"Nowhere\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].column").value("region"));
        mvc.perform(post("/api/organisations").header(API_KEY_HEADER, admin).contentType("application/json")
                        .content("{\"code\": \"bind-emp-" + tag + "\", \"name\": \"ООО\", \"kind\": \"EMPLOYER\", "
                                + "\"region\": \"DEMO\"}"))
                .andExpect(status().isBadRequest());
    }
}
