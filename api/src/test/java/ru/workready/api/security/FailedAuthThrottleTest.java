package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;

/**
 * Failed authentications are throttled per client address: more than 20 bad keys a minute from
 * one address get 429 with Retry-After (even a good key, which is not looked up), once audited;
 * other addresses are not affected, and the address may try again as the bucket drains.
 */
class FailedAuthThrottleTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    FailedAuthThrottle throttle;
    @Autowired
    JdbcClient jdbc;

    @Test
    void leakyBucketPerAddress() {
        AtomicLong clock = new AtomicLong();
        FailedAuthThrottle t = new FailedAuthThrottle(20, clock::get);
        for (int i = 0; i < 20; i++) {
            assertThat(t.check("a").retryAfterSeconds()).isZero();
            t.failed("a");
        }
        FailedAuthThrottle.Block block = t.check("a");
        assertThat(block.retryAfterSeconds()).isBetween(1L, 3L);
        assertThat(block.first()).isTrue();
        assertThat(t.check("a").first()).as("audited once per run").isFalse();
        assertThat(t.check("b").retryAfterSeconds()).as("another address").isZero();
        clock.addAndGet(3_000_000_000L); // one failure drains every 3 s at 20 a minute
        assertThat(t.check("a").retryAfterSeconds()).isZero();
        t.failed("a");
        FailedAuthThrottle.Block again = t.check("a");
        assertThat(again.retryAfterSeconds()).isPositive();
        assertThat(again.first()).as("a new run is audited again").isTrue();
        clock.addAndGet(60_000_000_000L);
        assertThat(t.check("a").retryAfterSeconds()).isZero();
    }

    @Test
    void moreThanTwentyBadKeysAMinuteFromOneAddressGet429AndAnAuditEntry() throws Exception {
        int saved = throttle.perMinute();
        throttle.perMinute(20); // the shared test context runs with a huge allowance; the production default here
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(call(address, "wr_not-a-key-" + i).getStatus()).isEqualTo(401);
            }
            MockHttpServletResponse refused = call(address, "wr_not-a-key-21");
            assertThat(refused.getStatus()).isEqualTo(429);
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getContentAsString()).contains("https://workready.ru/problems/rate-limited")
                    .contains("failed authentications");
            assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
            assertThat(call(address, ADMIN_KEY).getStatus()).as("even a good key waits").isEqualTo(429);
            assertThat(call("198.51.100.7", ADMIN_KEY).getStatus()).as("another address").isEqualTo(200);
            assertThat(jdbc.sql("""
                            select count(*) from audit_event where action = 'auth-throttled'
                            and subject_kind = 'client-address' and subject_id = ? and status = 429""")
                    .param(address).query(Long.class).single()).isEqualTo(1);
            String events = mvc.perform(get("/api/audit").param("subject", address).param("subjectKind", "client-address"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(events).contains("auth-throttled").contains("\"role\":null");
        } finally {
            throttle.perMinute(saved);
        }
    }

    private MockHttpServletResponse call(String address, String key) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/me").header(API_KEY_HEADER, key).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        return mvc.perform(request).andReturn().getResponse();
    }
}
