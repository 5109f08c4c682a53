package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regression suite of the open door: every operation of the OpenAPI document, its path spelled every way a
 * client may spell it (percent-encoded letters, matrix parameters, doubled and trailing slashes, dot segments, upper
 * case, encoded "/" and "%" — in every segment), sent over a real connection to the running server without a key and
 * with a bad key. Each must be refused with 401 (or, for a spelling the web server itself will not route, 400) and
 * none may reach a handler: a counter in front of every controller method and the audit log must not move. The
 * variants come from the OpenAPI document, so a new endpoint is covered without editing this test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "workready.admin-key=" + ApiTest.ADMIN_KEY,
        "workready.security.requests-per-minute=1000000", "workready.security.failed-auth-per-minute=100000000"})
class PathSpellingTest {
    static final AtomicInteger REACHED = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Counts every request that reaches a controller method (after the security chain). */
    @TestConfiguration(proxyBeanMethods = false)
    static class HandlerCounter {
        @Bean
        WebMvcConfigurer handlerCounter() {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new HandlerInterceptor() {
                        @Override
                        public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                                                 Object handler) {
                            if (handler instanceof HandlerMethod m
                                    && m.getBeanType().getName().startsWith("ru.workready.")) {
                                REACHED.incrementAndGet();
                            }
                            return true;
                        }
                    });
                }
            };
        }
    }

    record Operation(String method, String template) {
    }

    @Test
    void noSpellingOfAnyOperationReachesAHandlerWithoutAValidKey() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(50);
        long audited = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        int reached = REACHED.get();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations) {
            for (String path : variants(concrete(op.template()))) {
                for (String key : new String[] {null, "wr_not-a-key-of-anybody-0123456789"}) {
                    int status = status(op.method(), path, key);
                    requests++;
                    if (status != 401 && status != 400) {
                        failures.add(op.method() + " " + path + (key == null ? " (no key)" : " (bad key)") + " → " + status);
                    }
                }
            }
        }
        assertThat(failures).as("variants answered with something other than 401/400").isEmpty();
        assertThat(REACHED.get()).as("requests that reached a controller method").isEqualTo(reached);
        assertThat(jdbc.sql("select count(*) from audit_event where action <> 'auth-throttled'").query(Long.class)
                .single()).as("audit entries").isLessThanOrEqualTo(audited);
        assertThat(requests).isGreaterThan(1000);
    }

    @Test
    void theSameSpellingsWithAValidKeyStillWork() throws Exception {
        // the control: the suite would prove nothing if the variants could not reach a handler at all
        int before = REACHED.get();
        assertThat(status("GET", "/api/keys", ApiTest.ADMIN_KEY)).isEqualTo(200);
        assertThat(status("GET", "/%61pi/keys", ApiTest.ADMIN_KEY)).isEqualTo(200);
        assertThat(REACHED.get()).isEqualTo(before + 2);
        // with a valid key, a path the firewall refuses is a 400 problem
        assertThat(status("GET", "/api;x=1/keys", ApiTest.ADMIN_KEY)).isEqualTo(400);
    }

    @Test
    void publicPartsStayPublicAndSayLittle() throws Exception {
        assertThat(status("GET", "/v3/api-docs", null)).isEqualTo(200);
        assertThat(status("GET", "/reports/index.html", null)).isEqualTo(200);
        for (String page : List.of("/college/index.html", "/employer/index.html", "/admin/index.html",
                "/common/common.js", "/common/common.css")) {
            assertThat(status("GET", page, null)).as(page).isEqualTo(200);
        }
        assertThat(exchange("GET", "/college", null)).startsWith("HTTP/1.1 302").contains("/college/index.html");
        for (String page : List.of("index", "results", "conclusion")) {
            assertThat(status("GET", "/expertise/" + page + ".html", null)).as(page).isEqualTo(200);
        }
        assertThat(status("GET", "/expertise/common.js", null)).isEqualTo(200);
        String health = exchange("GET", "/actuator/health", null);
        assertThat(health).startsWith("HTTP/1.1 200").contains("\"status\":\"UP\"").doesNotContain("diskSpace")
                .doesNotContain("components");
        assertThat(status("GET", "/actuator/prometheus", null)).isEqualTo(401);
        assertThat(status("GET", "/actuator/metrics", null)).isEqualTo(401);
        assertThat(exchange("GET", "/actuator/health", ApiTest.ADMIN_KEY)).contains("components");
        String page = exchange("GET", "/reports/index.html", null);
        assertThat(page).containsIgnoringCase("Content-Security-Policy: default-src 'self'; script-src 'self'")
                .containsIgnoringCase("X-Frame-Options: DENY").containsIgnoringCase("Referrer-Policy:")
                .containsIgnoringCase("X-Content-Type-Options: nosniff");
        String preflight = exchange("OPTIONS", "/api/keys", null, "Origin: https://evil.example\r\n"
                + "Access-Control-Request-Method: GET\r\n");
        assertThat(Integer.parseInt(preflight.substring(9, 12))).isLessThan(500);
    }

    private List<Operation> operations() throws IOException {
        String response = exchange("GET", "/v3/api-docs", null);
        JsonNode doc = JsonMapper.builder().build().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                ops.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey()));
            }
        }
        return ops;
    }

    /** Path variables filled with plausible values. */
    static String concrete(String template) {
        return template.replaceAll("\\{college}", "DEMO").replaceAll("\\{id}", "1").replaceAll("\\{[^}]+}", "x");
    }

    /** Every spelling of the path, segment by segment. */
    static Set<String> variants(String path) {
        String[] segments = path.substring(1).split("/");
        Set<String> out = new LinkedHashSet<>();
        out.add(path);
        out.add(path + "/");
        out.add(path.toUpperCase(Locale.ROOT));
        out.add("/" + path);
        out.add(path.replace("/", "//"));
        out.add("/./" + path.substring(1));
        out.add("/x/../" + path.substring(1));
        out.add(path.replaceFirst("/", "%2F"));
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            out.add(join(segments, i, encodeFirstLetter(s)));
            out.add(join(segments, i, s + ";jsessionid=1"));
            out.add(join(segments, i, s + ";"));
            out.add(join(segments, i, capitalize(s)));
            out.add(join(segments, i, "%25" + s));
            out.add(join(segments, i, s + "%2F"));
            out.add(join(segments, i, ".%2F" + s));
            out.add(join(segments, i, "%2e/" + s));
        }
        return out;
    }

    private static String join(String[] segments, int replaced, String with) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            b.append('/').append(i == replaced ? with : segments[i]);
        }
        return b.toString();
    }

    private static String encodeFirstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                return s.substring(0, i) + String.format("%%%02X", (int) c) + s.substring(i + 1);
            }
        }
        return s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private int status(String method, String path, @Nullable String key) throws IOException {
        String response = exchange(method, path, key);
        return Integer.parseInt(response.substring(9, 12));
    }

    private String exchange(String method, String path, @Nullable String key) throws IOException {
        return exchange(method, path, key, "");
    }

    private String exchange(String method, String path, @Nullable String key, String headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String body = method.equals("POST") || method.equals("PUT") ? "{}" : "";
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (key == null ? "" : "X-API-Key: " + key + "\r\n") + headers
                    + (body.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n")
                    + "\r\n" + body;
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
