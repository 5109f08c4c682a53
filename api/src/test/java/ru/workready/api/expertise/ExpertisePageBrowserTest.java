package ru.workready.api.expertise;

import ru.workready.api.testing.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.workready.api.expertise.ExpertiseFixture.body;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The expertise pages in a real browser (Debian's headless Chromium + ChromeDriver): an expert opens the review page,
 * disagrees with a row, changes that to a weight proposal, uses the filters and submits; the college opens the
 * results, accepts the proposal and a new mapping version is made; the printable conclusion lists every expert's
 * decision. Screenshots: target/expertise-*.png. Skipped only where ChromeDriver is missing (CI installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"workready.admin-key=" + ApiTest.ADMIN_KEY, "workready.security.requests-per-minute=1000000",
                "workready.security.failed-auth-per-minute=1000000"})
class ExpertisePageBrowserTest extends ApiTest {
    static WebDriver browser;
    static HeadlessChromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1600, 2000);
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

    @Test
    void expertProposesAWeightAndTheCollegeAcceptsIt() throws Exception {
        ExpertiseFixture f = new ExpertiseFixture(mvc);
        long id = body(f.send(post("/api/mapping-sets/" + f.mappingSet + "/expertises").contentType("application/json")
                .content("{\"experts\":[\"" + f.employer1 + "\",\"" + f.employer2 + "\"],\"deadline\":\""
                        + TestClock.today().plusDays(14) + "\"}"), f.collegeKey).andExpect(status().isCreated()))
                .get("id").asLong();
        // the second expert agrees with every row through the API and submits first
        JsonNode rows = body(f.send(get("/api/expertises/" + id + "/rows"), f.expert2Key));
        for (JsonNode r : rows) {
            f.send(put("/api/expertises/" + id + "/rows/" + r.get("row").get("mappingId").asLong() + "/decision")
                    .contentType("application/json").content("{\"verdict\":\"AGREE\"}"), f.expert2Key)
                    .andExpect(status().isOk());
        }
        f.send(post("/api/expertises/" + id + "/submit"), f.expert2Key).andExpect(status().isOk());

        review(f, id, rows.size());
        answer(f, id);
        printable(id);
    }

    /** The first expert: the list, the row A/03.3 disputed then a weight proposed, the filters, the submission. */
    private void review(ExpertiseFixture f, long id, int rowCount) throws IOException {
        open("/expertise/index.html", f.expert1Key);
        assertThat(browser.getTitle()).contains("Экспертиза");
        browser.findElement(By.cssSelector("#expertises tr[data-expertise='" + id + "'] a.review")).click();
        waitFor("body[data-ready='true'][data-rows='" + rowCount + "']");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("06.001", "версия сопоставления 1");
        WebElement row = row();
        assertThat(row.getText()).contains("A/03.3");
        new Select(row.findElement(By.name("verdict"))).selectByValue("DISAGREE");
        row.findElement(By.name("comment")).sendKeys("тестирование — основная часть ТФ");
        row.findElement(By.cssSelector("button.save")).click();
        waitFor("tr[data-function='A/03.3'] td.decision[data-verdict='DISAGREE']");

        row = row();
        new Select(row.findElement(By.name("verdict"))).selectByValue("PROPOSE");
        row.findElement(By.name("weight")).sendKeys("0.8");
        row.findElement(By.cssSelector("button.save")).click();
        waitFor("tr[data-function='A/03.3'] td.decision[data-verdict='PROPOSE']");
        assertThat(row().findElement(By.cssSelector("td.decision")).getText()).contains("вес 0.8");

        browser.findElement(By.cssSelector("#row-filter input[value='disputed']")).click();
        waitFor("body[data-rows='1']");
        browser.findElement(By.cssSelector("#row-filter input[value='undecided']")).click();
        waitFor("body[data-rows='" + (rowCount - 1) + "']");
        assertThat(browser.findElements(By.cssSelector("#rows tr[data-function='A/03.3']"))).isEmpty();
        shot("expertise-review.png");

        browser.findElement(By.id("submit-review")).click();
        waitFor("#submit-message[data-submitted='true']");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("экспертиза завершена");
    }

    /** The college: the conclusion per row and set, the proposal accepted, version 2 made. */
    private void answer(ExpertiseFixture f, long id) throws IOException {
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        open("/expertise/results.html?id=" + id, f.collegeKey);
        assertThat(browser.findElement(By.id("set-conclusion")).getText()).isEqualTo("предложены изменения");
        WebElement row = browser.findElement(By.cssSelector("#conclusion-rows tr[data-function='A/03.3']"));
        assertThat(row.getDomAttribute("data-conclusion")).isEqualTo("CHANGES_PROPOSED");
        assertThat(row.getText()).contains("вес 0.8", "согласен");
        assertThat(browser.findElements(By.cssSelector("#conclusion-rows tr[data-conclusion='APPROVED']")))
                .hasSizeGreaterThan(10);
        new Select(row.findElement(By.name("action"))).selectByValue("ACCEPT");
        row.findElement(By.name("reply")).sendKeys("принято, вес исправлен");
        browser.findElement(By.cssSelector("#answer input[name=author]")).sendKeys("Иванова И. И.");
        browser.findElement(By.cssSelector("#answer input[name=reason]")).sendKeys("по итогам экспертизы");
        shot("expertise-results-answer.png");
        browser.findElement(By.id("send-answer")).click();
        waitFor("#answer-message[data-answered='true']");
        assertThat(browser.findElement(By.id("answer-message")).getText()).contains("версия сопоставления 2");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("колледж ответил");
        assertThat(browser.findElement(By.id("xlsx")).isDisplayed()).isTrue();
        shot("expertise-results-answered.png");
    }

    /** The printable conclusion: each expert's decision per row, the set's conclusion, places for signatures. */
    private void printable(long id) throws IOException {
        open("/expertise/conclusion.html?id=" + id, null);
        assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo("ЭКСПЕРТНОЕ ЗАКЛЮЧЕНИЕ № " + id);
        WebElement row = browser.findElement(By.cssSelector("#doc-rows tr[data-conclusion='CHANGES_PROPOSED']"));
        assertThat(row.getText()).contains("A/03.3", "предлагает изменить: вес 0.8", "согласен");
        assertThat(browser.findElement(By.id("doc-conclusion")).getText()).contains("предложены изменения");
        assertThat(browser.findElements(By.cssSelector("#doc-signatures .signature"))).hasSize(3);
        shot("expertise-conclusion.png");
    }

    private WebElement row() {
        return browser.findElement(By.cssSelector("#rows tr[data-function='A/03.3']"));
    }

    /** Opens a page and, when it asks for an API key, enters the given one. */
    private void open(String path, String key) {
        browser.get("http://localhost:" + port + path);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed()
                || "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        if (browser.findElement(By.id("sign-in")).isDisplayed()) {
            browser.findElement(By.id("api-key")).sendKeys(key);
            browser.findElement(By.id("api-key-submit")).click();
        }
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(browser.findElement(By.id("error")).isDisplayed()).as(browser.findElement(By.id("error")).getText())
                .isFalse();
    }

    private static void waitFor(String css) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    private static void shot(String name) throws IOException {
        Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
