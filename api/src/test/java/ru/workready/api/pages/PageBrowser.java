package ru.workready.api.pages;

import ru.workready.api.testing.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import ru.workready.data.testing.TestDatabase;

/**
 * The role pages in a real browser (Debian's headless Chromium + ChromeDriver, as {@code ReportPageBrowserTest})
 * against the app on the embedded database with the demo data. The three page tests share one application
 * context (this class holds its configuration). Skipped only where ChromeDriver is missing; CI installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PageBrowser {
    static WebDriver browser;
    static HeadlessChromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1280, 800);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
            browser = null;
        }
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new organisation of that kind and a key for it; the secret. */
    String key(OrganisationKind kind, String organisation, String college, Role role) {
        keys.createOrganisation(organisation, "Организация " + organisation, kind, college);
        return keys.createKey(organisation, role, "page test", null, null, null).secret();
    }

    /** Opens a page in a fresh tab state and signs in with the key, as a user would: typing it into the form. */
    void signIn(String path, String key) {
        browser.get("http://localhost:" + port + path);
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement input = until(d -> d.findElement(By.id("api-key")).isDisplayed() ? d.findElement(By.id("api-key")) : null);
        input.sendKeys(key);
        browser.findElement(By.id("api-key-submit")).click();
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
    }

    static <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(condition);
    }

    /** The element's text once it has some (the pages fill elements after their requests answer). */
    static String text(String css) {
        return until(d -> {
            String text = d.findElement(By.cssSelector(css)).getText();
            return text.isBlank() ? null : text;
        });
    }

    /** An attribute of an element, once the element is there (the page may redraw it in between). */
    static String attribute(String css, String name) {
        return until(d -> d.findElement(By.cssSelector(css)).getDomAttribute(name));
    }

    static List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /**
     * At phone width (390 px) nothing but a table in its scrolling box reaches past the window's right edge; the
     * window gets its 1280×800 back afterwards.
     */
    static void assertFitsPhoneWidth(Runnable open) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open.run();
            Object wide = ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('body *')]"
                    + ".filter((e) => e.offsetParent !== null && !e.closest('.scroll')"
                    + " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                    + ".map((e) => e.tagName + '#' + e.id)");
            assertThat((List<?>) wide).as("wider than a phone").isEmpty();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }
    }

    /** Brings the element into view and saves what the 1280×800 window shows under api/target/. */
    static Path screenshot(String name, String scrollTo) throws IOException {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.findElement(By.cssSelector(scrollTo)));
        Path shot = Path.of("target", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        return shot;
    }
}
