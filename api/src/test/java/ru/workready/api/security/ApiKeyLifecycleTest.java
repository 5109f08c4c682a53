package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.security.ApiKeyRepository;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationRepository;
import ru.workready.data.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keys through the API: create, use, list (no secrets), revoke; expiry; rate limits; storage as hashes. */
class ApiKeyLifecycleTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeyService service;
    @Autowired
    ApiKeyRepository keys;
    @Autowired
    OrganisationRepository organisations;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void createUseListAndRevokeAKey() throws Exception {
        String org = "employer-" + run;
        mvc.perform(post("/api/organisations").contentType("application/json")
                        .content("{\"code\":\"" + org + "\",\"name\":\"ООО Ромашка\",\"kind\":\"EMPLOYER\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(org))
                .andExpect(jsonPath("$.kind").value("EMPLOYER"));
        JsonNode created = json.readTree(mvc.perform(post("/api/organisations/" + org + "/keys")
                        .contentType("application/json")
                        .content("{\"role\":\"EMPLOYER\",\"name\":\"HR portal\",\"expiresAt\":\"2099-01-01T00:00:00+03:00\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String secret = created.get("key").asString();
        long id = created.get("details").get("id").asLong();
        assertThat(secret).startsWith("wr_").hasSizeGreaterThanOrEqualTo(40);

        mvc.perform(get("/api/me").header(API_KEY_HEADER, secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation").value(org))
                .andExpect(jsonPath("$.role").value("EMPLOYER"));

        String listed = mvc.perform(get("/api/keys").param("organisation", org))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].prefix").value(secret.substring(0, 9)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).doesNotContain(secret).doesNotContain(ApiKeyService.hash(secret));
        // only the hash is stored
        assertThat(jdbc.sql("select count(*) from api_key where key_hash = ?").param(secret).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select key_hash from api_key where id = ?").param(id).query(String.class).single())
                .isEqualTo(ApiKeyService.hash(secret));

        mvc.perform(delete("/api/keys/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());
        mvc.perform(get("/api/me").header(API_KEY_HEADER, secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/unauthenticated"))
                .andExpect(jsonPath("$.detail").value("The API key has been revoked"));
        mvc.perform(delete("/api/keys/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void anExpiredKeyIsRefused() throws Exception {
        long org = organisations.insert("expired-" + run, "Истёкший", ru.workready.data.security.OrganisationKind.EMPLOYER,
                null);
        String secret = "wr_expired-key-for-a-test-" + run + "-0123456789";
        keys.insert(org, Role.EMPLOYER, "expired", "wr_expir", ApiKeyService.hash(secret), null, null,
                OffsetDateTime.now(clock).minusMinutes(1));
        mvc.perform(get("/api/me").header(API_KEY_HEADER, secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The API key has expired"));
    }

    @Test
    void badKeyRequestsNameTheirFields() throws Exception {
        String org = "region-" + run;
        service.createOrganisation(org, "Министерство", ru.workready.data.security.OrganisationKind.REGION, null);
        mvc.perform(post("/api/organisations/" + org + "/keys").contentType("application/json")
                        .content("{\"role\":\"ADMIN\",\"name\":\"\",\"expiresAt\":\"2001-01-01T00:00:00Z\","
                                + "\"requestsPerMinute\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-key-request"))
                .andExpect(jsonPath("$.problems[0].column").value("role"))
                .andExpect(jsonPath("$.problems[1].column").value("name"))
                .andExpect(jsonPath("$.problems[2].column").value("expiresAt"))
                .andExpect(jsonPath("$.problems[3].column").value("requestsPerMinute"));
        mvc.perform(post("/api/organisations/" + org + "/keys").contentType("application/json").content("{\"role\":\"KING\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/organisations").contentType("application/json")
                        .content("{\"code\":\"c-" + run + "\",\"name\":\"x\",\"kind\":\"COLLEGE\",\"college\":\"NOPE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("college"));
        mvc.perform(post("/api/organisations").contentType("application/json")
                        .content("{\"code\":\"" + org + "\",\"name\":\"again\",\"kind\":\"REGION\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/organisations/no-such-" + run + "/keys").contentType("application/json")
                        .content("{\"role\":\"EMPLOYER\",\"name\":\"x\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfter() throws Exception {
        String org = "busy-" + run;
        service.createOrganisation(org, "Частый клиент", ru.workready.data.security.OrganisationKind.EMPLOYER, null);
        String secret = service.createKey(org, Role.EMPLOYER, "slow", null, 2, null).secret();
        mvc.perform(get("/api/me").header(API_KEY_HEADER, secret)).andExpect(status().isOk());
        mvc.perform(get("/api/standards").header(API_KEY_HEADER, secret)).andExpect(status().isOk());
        mvc.perform(get("/api/me").header(API_KEY_HEADER, secret))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/rate-limited"));
        // other keys are not affected
        mvc.perform(get("/api/me")).andExpect(status().isOk());
    }

    @Test
    void theConfiguredAdminKeyIsStoredOnceAndShortOnesAreRefused() {
        assertThat(service.bootstrapAdmin(ApiTest.ADMIN_KEY)).isEmpty();
        assertThat(jdbc.sql("select count(*) from api_key where key_hash = ?").param(ApiKeyService.hash(ApiTest.ADMIN_KEY))
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> service.bootstrapAdmin("short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WORKREADY_ADMIN_KEY").hasMessageContaining("workready.admin-key");
        // a usable admin key exists, so nothing new is generated or printed
        assertThat(service.bootstrapAdmin(null)).isEmpty();
    }

    @Test
    void aConfiguredAdminKeyMustLookLikeAGeneratedOne() {
        String[] refused = {
                "short",
                "wr_" + "a".repeat(31),                         // 31 characters after the prefix
                "a".repeat(40),                                  // no prefix
                "WR_" + "a".repeat(40),                          // prefix in the wrong case
                "wr_" + "a".repeat(30) + "+/==",                 // plain base64, not base64url
                "wr_" + "a".repeat(30) + " correct horse battery",
                "wr_" + "a".repeat(40) + "\u0000",
                "wr_" + "ключ".repeat(10)};
        for (String key : refused) {
            assertThatThrownBy(() -> ApiKeyService.checkConfiguredKey(key)).as(key)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("workready.admin-key").hasMessageContaining("WORKREADY_ADMIN_KEY")
                    .hasMessageNotContaining(key);
            assertThatThrownBy(() -> service.bootstrapAdmin(key)).as(key).isInstanceOf(IllegalStateException.class);
        }
        ApiKeyService.checkConfiguredKey(ApiTest.ADMIN_KEY);
        ApiKeyService.checkConfiguredKey("wr_" + "A-z_9".repeat(7));
    }

    @Test
    void noPrefixOfAConfiguredKeyIsStoredOrListed() throws Exception {
        String configured = "wr_" + run + "-chosen-admin-key-0123456789abcdefgh";
        assertThat(service.bootstrapAdmin(configured)).isEmpty();
        String stored = jdbc.sql("select prefix from api_key where key_hash = ?").param(ApiKeyService.hash(configured))
                .query(String.class).single();
        assertThat(stored).isEqualTo(ApiKeyService.CONFIGURED_PREFIX);
        // the test admin key, stored at start, is listed with the neutral prefix too
        String list = mvc.perform(get("/api/keys")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain(ApiTest.ADMIN_KEY.substring(0, 9)).doesNotContain(configured.substring(0, 9))
                .contains(ApiKeyService.CONFIGURED_PREFIX);
        // a key stored by an earlier version with the secret's first characters loses them at the next start
        jdbc.sql("update api_key set prefix = ? where key_hash = ?").params(configured.substring(0, 9),
                ApiKeyService.hash(configured)).update();
        service.bootstrapAdmin(configured);
        assertThat(jdbc.sql("select prefix from api_key where key_hash = ?").param(ApiKeyService.hash(configured))
                .query(String.class).single()).isEqualTo(ApiKeyService.CONFIGURED_PREFIX);
    }

    @Test
    void theApplicationRefusesToStartWithAMalformedConfiguredKey() {
        assertThatThrownBy(() -> new AdminKeyBootstrap(service, "my-admin-password-is-long-enough-really"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("workready.admin-key");
    }
}
