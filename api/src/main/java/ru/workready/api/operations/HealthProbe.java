package ru.workready.api.operations;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The container's healthcheck command: {@code java -cp /app/classes ru.workready.api.operations.HealthProbe [url]}
 * exits 0 when {@code /actuator/health} answers 200 with status UP, 1 otherwise (DOWN, no answer within 5 s, refused).
 * It needs only a JVM, so it works on any base image (a slim JRE image has neither curl nor wget), and it loads no
 * Spring class, so it starts in a fraction of a second.
 */
public final class HealthProbe {

    static final String DEFAULT_URL = "http://localhost:8080/actuator/health";
    private static final int TIMEOUT_MILLIS = 5_000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        boolean up = isUp(url);
        System.out.println(up ? "UP" : "DOWN or unreachable: " + url);
        System.exit(up ? 0 : 1);
    }

    /** True when the health endpoint answers 200 and its body says UP. */
    static boolean isUp(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            try {
                if (connection.getResponseCode() != 200) {
                    return false;
                }
                try (InputStream body = connection.getInputStream()) {
                    String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
                    return text.replace(" ", "").contains("\"status\":\"UP\"");
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
