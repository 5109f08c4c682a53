package ru.workready.api.nodes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.workready.api.ApiTest;
import ru.workready.api.WorkreadyApplication;
import ru.workready.data.testing.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One application instance of a multi-node test: its own context and web server on a random port. */
final class Node implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    final String name;
    final ConfigurableApplicationContext context;
    private final int port;

    Node(String name, Map<String, Object> properties, MovableClock clock) {
        this.name = name;
        this.context = new SpringApplicationBuilder(WorkreadyApplication.class)
                .properties(properties)
                .properties(Map.of("server.port", "0", "spring.application.name", "workready-" + name))
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                .run();
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    record Answer(int status, JsonNode body) {
    }

    /** Sends the request with the admin key and the given header names and values. */
    Answer send(String method, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", ApiTest.ADMIN_KEY);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body != null) {
            request.header("Content-Type", "text/csv").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
    }

    @Override
    public void close() {
        context.close();
    }
}
