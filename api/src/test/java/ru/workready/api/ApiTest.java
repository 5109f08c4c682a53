package ru.workready.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.data.testing.TestDatabase;

/** Base of full-stack tests: the whole app with demo data on the shared test database. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApiTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
