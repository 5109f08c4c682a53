package ru.workready.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.TestDatabase;

/** Broken uploads over a real connection (Tomcat parses multipart and reads bodies): 400, never 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "workready.admin-key=" + ApiTest.ADMIN_KEY)
class BrokenUploadServerTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Sends the head and body, then closes the sending half, and reads the whole answer. */
    private String exchange(String head, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMalformedMultipartRequestIs400() throws IOException {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xml\"\r\n\r\n<XMLCardInfo>";
        String answer = exchange("POST /api/standards HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-API-Key: " + ApiTest.ADMIN_KEY + "\r\n"
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + body.length(), body);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("https://workready.ru/problems/invalid-multipart");
    }

    /**
     * Tomcat itself flags a body read that failed and answers through its error page, so the body
     * is not our problem detail (the client has mostly gone anyway); the status stays 400 and
     * nothing is logged as an error.
     */
    @Test
    void anUploadBrokenOffMidwayIs400WithoutAnErrorLog() throws IOException {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ProblemHandler.class);
        logger.addAppender(logged);
        try {
            String answer = exchange("POST /api/standards HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-API-Key: " + ApiTest.ADMIN_KEY + "\r\n"
                    + "Content-Type: application/xml\r\nContent-Length: 100000", "<XMLCardInfo><Professional");
            assertThat(answer).startsWith("HTTP/1.1 400");
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).isNotEmpty().noneMatch(e -> e.getLevel() == Level.ERROR);
    }
}
