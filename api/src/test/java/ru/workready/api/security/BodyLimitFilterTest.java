package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import ru.workready.api.problems.PayloadTooLargeException;

/** A body without Content-Length (chunked) is cut off at the handler's limit while it is read. */
class BodyLimitFilterTest {

    private static MockHttpServletRequest chunked(String uri, int size) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(new byte[size]);
        return request;
    }

    private static long drain(HttpServletRequest request) throws java.io.IOException {
        long n = 0;
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                n += read;
            }
        }
        return n;
    }

    @Test
    void stopsAtTheLimitTheInterceptorSet() throws Exception {
        MockHttpServletRequest request = chunked("/api/standards", 5_000_000);
        request.setAttribute(BodyLimitFilter.LIMIT_ATTRIBUTE, 1_000_000L);
        assertThatThrownBy(() -> new BodyLimitFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> drain((HttpServletRequest) req)))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("1000000");
    }

    @Test
    void defaultsToTheGeneralLimitAndLetsSmallBodiesThrough() throws Exception {
        AtomicReference<Long> read = new AtomicReference<>();
        new BodyLimitFilter().doFilter(chunked("/api/organisations", 1000), new MockHttpServletResponse(),
                (req, res) -> read.set(drain((HttpServletRequest) req)));
        assertThat(read.get()).isEqualTo(1000);
        assertThatThrownBy(() -> new BodyLimitFilter().doFilter(
                chunked("/api/organisations", (int) LimitAndAuditInterceptor.DEFAULT_BODY_LIMIT + 1),
                new MockHttpServletResponse(), (req, res) -> drain((HttpServletRequest) req)))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void limitsEveryPathHoweverSpelled() {
        // the limit does not depend on the URI: a path spelled so that no prefix matches is counted too
        for (String path : new String[] {"/actuator/x", "/%61pi/organisations", "/API/organisations"}) {
            assertThatThrownBy(() -> new BodyLimitFilter().doFilter(chunked(path, 3_000_000),
                    new MockHttpServletResponse(), (req, res) -> drain((HttpServletRequest) req)))
                    .as(path).isInstanceOf(PayloadTooLargeException.class);
        }
    }
}
