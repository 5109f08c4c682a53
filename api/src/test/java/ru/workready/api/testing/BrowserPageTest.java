package ru.workready.api.testing;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.testing.TestDatabase;

/**
 * Base of a page's browser test: the app on a random port with the demo data on the shared test database, and one
 * headless Chromium per test class — a subclass's {@code @BeforeAll} calls {@link #openBrowser} with its window size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserPageTest {
    protected static WebDriver browser;
    private static HeadlessChromium chromium;

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApplicationContext app;
    @Autowired
    protected ApiKeyService keys;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected static void openBrowser(int width, int height) throws IOException {
        chromium = HeadlessChromium.start(width, height);
        browser = chromium.driver();
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
            browser = null;
        }
    }
}
