package ru.workready.data;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.data.testing.TestDatabase;

/** Base of the data module's database tests: the whole module on the shared test database. */
@SpringBootTest(classes = DataTestApplication.class)
public abstract class DataTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
