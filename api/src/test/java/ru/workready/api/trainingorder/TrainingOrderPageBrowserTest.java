package ru.workready.api.trainingorder;

import ru.workready.api.testing.BrowserPageTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import ru.workready.data.trainingorder.CapacityService;
import ru.workready.data.trainingorder.ForecastService;

/**
 * The training order page in headless Chromium on {@link OrderFixture}: the gap chart draws a bar per need, the
 * uncovered specialty is listed and the admissions table shows the college at its limit; a screenshot goes to
 * target/training-order-page.png. Skipped only where ChromeDriver is missing (CI installs it).
 */
class TrainingOrderPageBrowserTest extends BrowserPageTest {
    @BeforeAll
    static void startBrowser() throws IOException {
        openBrowser(1600, 2000);
    }

    @Test
    void theGapChartTheUncoveredSpecialtyAndTheAdmissions() throws IOException {
        OrderFixture fixture = OrderFixture.create(app);
        app.getBean(ForecastService.class).upload(fixture.forecastCsv().getBytes(StandardCharsets.UTF_8), "text/csv");
        app.getBean(CapacityService.class).upload(fixture.capacityCsv().getBytes(StandardCharsets.UTF_8), "text/csv");
        String org = "order-page-" + UUID.randomUUID().toString().substring(0, 8);
        keys.createOrganisation(org, "Министерство образования региона", OrganisationKind.REGION, null);
        String key = keys.createKey(org, Role.CURRICULUM_DESIGNER, "page test", null, null, null).secret();

        browser.get("http://localhost:" + port + "/training-order/index.html?region="
                + URLEncoder.encode(fixture.region(), StandardCharsets.UTF_8));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
        browser.findElement(By.id("api-key")).sendKeys(key);
        browser.findElement(By.id("api-key-submit")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        // the default years start at the next graduation; the fixture's needs are in the next intake's graduation year
        browser.findElement(By.id("from")).sendKeys(String.valueOf(fixture.needYear()));
        browser.findElement(By.id("to")).sendKeys(String.valueOf(fixture.needYear()));
        // the click starts a refresh at once (data-ready false): wait for that one, not the default years' one
        browser.findElement(By.id("show")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("gap-chart")).getDomAttribute("data-needs")).isEqualTo("2");
        Object bars = ((JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('gap-chart')).getOption().series[1].data");
        assertThat((List<?>) bars).hasSize(2);
        List<WebElement> uncovered = browser.findElements(By.cssSelector("#uncovered li"));
        assertThat(uncovered).hasSize(1);
        assertThat(uncovered.get(0).getText()).contains("35.02.01").contains("7");
        WebElement atLimit = browser.findElement(By.cssSelector("#admissions tr[data-college='" + fixture.collegeA()
                + "']"));
        assertThat(atLimit.getText()).contains("24").contains("+4").contains("предельная численность 24");
        assertThat(browser.findElement(By.cssSelector("#admissions tr[data-college='" + fixture.collegeB() + "']"))
                .getText()).contains("55").contains("+45");
        Path shot = Path.of("target", "training-order-page.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
