package ru.workready.api.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.apache.catalina.connector.ClientAbortException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Errors that must never become a 500: each answers its own problem type, with nothing internal. */
@WebMvcTest(controllers = ProblemHandlerTest.Failing.class)
// about the problem handler, not security (SecurityMatrixTest and PathSpellingTest are)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc(addFilters = false)
@Import(ProblemHandlerTest.Failing.class)
class ProblemHandlerTest {
    @Autowired
    MockMvc mvc;

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @RestController
    static class Failing {
        @PostMapping("/test/fail/{what}")
        String fail(@PathVariable String what) throws IOException {
            switch (what) {
                case "duplicate":
                    throw new DuplicateKeyException("insert into programme ...",
                            new SQLException("duplicate key value violates unique constraint \"programme_uk\""));
                case "integrity":
                    throw new DataIntegrityViolationException("update mapping set ... violates foreign key");
                case "multipart":
                    throw new MultipartException("Failed to parse multipart servlet request");
                case "too-large":
                    throw new MaxUploadSizeExceededException(-1);
                case "client-abort":
                    throw new ClientAbortException("java.io.EOFException");
                case "abort-while-reading":
                    InputStream broken = new ByteArrayInputStream(new byte[10]) {
                        @Override
                        public synchronized int read(byte[] b, int off, int len) {
                            throw new IllegalStateException("not used");
                        }

                        @Override
                        public int read(byte[] b) throws IOException {
                            throw new ClientAbortException(new java.io.EOFException("Unexpected EOF"));
                        }
                    };
                    return new String(Bodies.read(broken, 100));
                default:
                    return "ok";
            }
        }
    }

    @BeforeEach
    void capture() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(ProblemHandler.class)).addAppender(logged);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(ProblemHandler.class)).detachAppender(logged);
    }

    @Test
    void duplicateKeysAndOtherConstraintViolationsAreConflictsWithoutSql() throws Exception {
        for (String what : new String[] {"duplicate", "integrity"}) {
            mvc.perform(post("/test/fail/" + what))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("https://workready.ru/problems/conflict"))
                    .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsStringIgnoringCase("insert"))))
                    .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("programme_uk"))))
                    .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("mapping"))));
        }
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void malformedMultipartIsABadRequest() throws Exception {
        mvc.perform(post("/test/fail/multipart"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-multipart"));
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void uploadsOverTheLimitNameTheConfiguredLimits() throws Exception {
        mvc.perform(post("/test/fail/too-large"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/payload-too-large"))
                .andExpect(jsonPath("$.detail").value(
                        "The upload exceeds the limit of 20 MB per file and 100 MB per request"));
    }

    @Test
    void aClientAbortingMidUploadIsABadRequestAndNoError() throws Exception {
        for (String what : new String[] {"client-abort", "abort-while-reading"}) {
            mvc.perform(post("/test/fail/" + what))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://workready.ru/problems/unreadable-body"));
        }
        assertThat(logged.list).isNotEmpty().noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void limitsReadAsConfigured() {
        assertThat(ProblemHandler.readable(org.springframework.util.unit.DataSize.ofMegabytes(20))).isEqualTo("20 MB");
        assertThat(ProblemHandler.readable(org.springframework.util.unit.DataSize.ofKilobytes(512))).isEqualTo("512 KB");
        assertThat(ProblemHandler.readable(org.springframework.util.unit.DataSize.ofBytes(1000))).isEqualTo("1000 bytes");
    }
}
