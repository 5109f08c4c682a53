package ru.workready.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The container healthcheck's probe: UP only for 200 with status UP. */
class HealthProbeTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void upWhenHealthSaysUp() throws IOException {
        assertThat(HealthProbe.isUp(serve(200, "{\"status\":\"UP\"}"))).isTrue();
    }

    @Test
    void downWhenHealthSaysDownOrFails() throws IOException {
        assertThat(HealthProbe.isUp(serve(503, "{\"status\":\"DOWN\"}"))).isFalse();
        stop();
        assertThat(HealthProbe.isUp(serve(200, "{\"status\":\"DOWN\"}"))).isFalse();
    }

    @Test
    void downWhenNothingAnswers() throws IOException {
        String url = serve(200, "{\"status\":\"UP\"}");
        stop();
        server = null;
        assertThat(HealthProbe.isUp(url)).isFalse();
        assertThat(HealthProbe.isUp("not a url")).isFalse();
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health";
    }
}
