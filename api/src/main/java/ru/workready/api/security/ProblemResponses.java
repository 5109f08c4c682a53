package ru.workready.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import ru.workready.api.language.Russian;
import ru.workready.api.problems.ProblemTypes;
import ru.workready.data.ProblemType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details (RFC 9457) written by the security filters, before any controller is chosen: the same types and
 * fields as the problems the controllers' advice writes.
 */
final class ProblemResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static void unauthenticated(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"");
        write(request, response, ProblemType.UNAUTHENTICATED, detail, Map.of());
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        write(request, response, ProblemType.FORBIDDEN, detail, Map.of());
    }

    static void rateLimited(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds,
                            String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(request, response, ProblemType.RATE_LIMITED, detail,
                Map.of("retryAfterSeconds", retryAfterSeconds));
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail,
                      Map<String, Object> properties) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemTypes.of(type).toString());
        body.put("title", Russian.text(request, type.title()));
        body.put("status", type.status());
        body.put("detail", Russian.text(request, detail));
        body.put("instance", request.getRequestURI());
        body.putAll(properties);
        response.setStatus(type.status());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
        response.flushBuffer();
    }
}
