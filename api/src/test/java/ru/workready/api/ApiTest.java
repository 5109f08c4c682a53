package ru.workready.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.data.testing.TestDatabase;

/**
 * Base of full-stack tests: the whole app with demo data on the shared test database. The injected
 * {@code MockMvc} sends the test admin key with every request (a request's own {@code X-API-Key}
 * header wins), so tests that are not about security need not think about it.
 */
@SpringBootTest(properties = {"workready.admin-key=" + ApiTest.ADMIN_KEY,
        "workready.security.requests-per-minute=1000000", "workready.security.failed-auth-per-minute=1000000"})
@AutoConfigureMockMvc
@Import(AdminKeyByDefault.class)
public abstract class ApiTest {
    public static final String API_KEY_HEADER = "X-API-Key";
    /** The configured admin key of the test application (as WORKREADY_ADMIN_KEY would be). */
    public static final String ADMIN_KEY = "wr_test-admin-key-not-for-production-0123456789";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
