package ru.workready.api.outcomes;

import ru.workready.api.testing.BrowserPageTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;

/**
 * The outcomes section of the designers' page in headless Chromium: the employment table, the validity chart and
 * table, and the rule-set comparison; a screenshot goes to target/reports-page-outcomes.png. Skipped where
 * ChromeDriver is missing (CI installs it).
 */
class OutcomePageBrowserTest extends BrowserPageTest {
    @BeforeAll
    static void startBrowser() throws IOException {
        openBrowser(1600, 4200);
    }

    @Test
    void designerSeesEmploymentValidityAndTheRuleSetComparison() throws IOException {
        Random random = new Random(20261207L);
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 80);
        StringBuilder results = new StringBuilder();
        StringBuilder employment = new StringBuilder();
        for (String id : fx.students()) {
            int grade = 2 + random.nextInt(4);
            results.append(id).append(";ПК 1.1;COURSE_GRADE;").append(grade).append(";2024-05-20\n");
            results.append(id).append(";ПК 1.2;COURSE_GRADE;").append(2 + random.nextInt(4)).append(";2024-05-20\n");
            boolean in = random.nextDouble() < (grade >= 4 ? 0.8 : 0.2);
            employment.append(id).append(";2025-06-30;EMPLOYED;COLLEGE_SURVEY;").append(in ? "2512" : "9329")
                    .append(";\n");
        }
        fx.results(results.toString());
        fx.employment(employment.toString());
        String org = "outcomes-page-" + UUID.randomUUID().toString().substring(0, 8);
        keys.createOrganisation(org, "Методисты региона", OrganisationKind.REGION, null);
        String key = keys.createKey(org, Role.CURRICULUM_DESIGNER, "outcomes page test", null, null, null).secret();

        browser.get("http://localhost:" + port + "/reports/index.html?programme=" + fx.programmeId()
                + "&standard=06.001");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed()
                || "true".equals(d.findElement(By.id("outcomes-section")).getDomAttribute("data-ready")));
        if (browser.findElement(By.id("sign-in")).isDisplayed()) {
            browser.findElement(By.id("api-key")).sendKeys(key);
            browser.findElement(By.id("api-key-submit")).click();
        }
        wait.until(d -> !d.findElements(By.cssSelector("#validity tbody tr")).isEmpty()
                && "true".equals(d.findElement(By.id("outcomes-section")).getDomAttribute("data-ready")));
        assertThat(browser.findElement(By.id("outcomes-error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#employment tbody tr[data-months='12']")).getText())
                .contains("2024", "80");
        assertThat(browser.findElement(By.cssSelector("#validity tr[data-code='A/01.3']"))
                .getDomAttribute("data-verdict")).isEqualTo("PREDICTS");
        assertThat(browser.findElements(By.cssSelector("#validity-chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("validity-note")).getText()).contains("default-1", "424н");
        assertThat(browser.findElements(By.cssSelector("#validity-downloads a"))).hasSize(2);

        new Select(browser.findElement(By.id("candidate"))).selectByValue("region-example|1");
        wait.until(d -> !d.findElements(By.cssSelector("#candidate-table tr[data-code='A/01.3']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#candidate-table tr[data-code='A/01.3']"))
                .getDomAttribute("data-better")).isNotBlank();

        Path shot = Path.of("target", "reports-page-outcomes.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
}
