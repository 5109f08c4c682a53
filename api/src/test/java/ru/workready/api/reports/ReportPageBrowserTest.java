package ru.workready.api.reports;

import ru.workready.api.testing.BrowserPageTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.reports.ReportParameters;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/**
 * The designers' page in a real browser (Debian's headless Chromium + ChromeDriver) on the demo
 * data: the heatmap cells, the uncovered list and the cohort chart; a screenshot goes to
 * target/reports-page.png. Skipped only where ChromeDriver is missing (CI installs it).
 */
class ReportPageBrowserTest extends BrowserPageTest {
    @Autowired
    ReportParameters reports;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StandardRepository standards;
    @Autowired
    MappingImportService mappingImport;
    static String designerKey;

    @BeforeAll
    static void startBrowser() throws IOException {
        openBrowser(1600, 2400);
    }

    /** Opens the page and, when it asks for an API key, enters a curriculum designer's key. */
    private void open(String path) {
        if (designerKey == null) {
            String org = "page-designer-" + UUID.randomUUID().toString().substring(0, 8);
            keys.createOrganisation(org, "Методисты региона", OrganisationKind.REGION, null);
            designerKey = keys.createKey(org, Role.CURRICULUM_DESIGNER, "reports page test", null, null, null).secret();
        }
        browser.get("http://localhost:" + port + path);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed()
                || "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        if (browser.findElement(By.id("sign-in")).isDisplayed()) {
            browser.findElement(By.id("api-key")).sendKeys(designerKey);
            browser.findElement(By.id("api-key-submit")).click();
        }
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @Test
    void designerSeesHeatmapUncoveredListAndCohortBars() throws IOException {
        // the demo's current intake (2023 as written; the demo moves with the clock by whole years)
        int intake = 2023 + java.time.Period.between(java.time.LocalDate.of(2026, 11, 25),
                ru.workready.data.testing.TestClock.today()).getYears();
        long demo = reports.programmes().stream().filter(p -> p.college().equals("DEMO") && p.intakeYear() == intake)
                .findFirst().orElseThrow().id();
        open("/reports/index.html?programme=" + demo + "&standard=06.001");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.getTitle()).contains("профстандарт");

        WebElement exact = browser.findElement(By.cssSelector("#heatmap td.cell[data-function='A/01.3'][data-outcome='ПК 1.1']"));
        assertThat(exact.getDomAttribute("data-type")).isEqualTo("EXACT");
        assertThat(exact.getText()).isEqualTo("1");
        WebElement related = browser.findElement(By.cssSelector("#heatmap td.cell[data-function='A/04.3'][data-outcome='ОК 04']"));
        assertThat(related.getDomAttribute("data-type")).isEqualTo("RELATED");
        assertThat(browser.findElement(By.cssSelector("#heatmap td.cell[data-function='A/02.3'][data-outcome='ПК 1.2']")).getText())
                .isEqualTo("1!");
        assertThat(browser.findElements(By.cssSelector("#heatmap td.cell[data-type]"))).hasSize(14);
        assertThat(browser.findElement(By.cssSelector("#heatmap tr[data-function='D/01.6']")).getDomAttribute("class"))
                .isEqualTo("above");

        WebElement a043 = browser.findElement(By.cssSelector("#uncovered li[data-code='A/04.3']"));
        assertThat(a043.getDomAttribute("data-status")).isEqualTo("RELATED_ONLY");
        assertThat(a043.getText()).contains("только косвенная связь", "ОК 04");
        assertThat(browser.findElement(By.cssSelector("#uncovered li[data-code='C/01.5']")).getDomAttribute("data-status"))
                .isEqualTo("NOT_COVERED");
        List<WebElement> above = browser.findElements(By.cssSelector("#uncovered li[data-status='ABOVE_LEVEL']"));
        assertThat(above).isNotEmpty().allMatch(li -> li.getDomAttribute("data-code").startsWith("D/"));
        assertThat(above.get(0).getText()).contains("выше уровня программы");

        assertThat(browser.findElements(By.cssSelector("#cohort-chart canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#weak-spots tbody tr"))).hasSize(5);
        assertThat(browser.findElement(By.id("provenance")).getText()).contains("424н", "версия сопоставления 1",
                "default-1");
        // one mapping version only: nothing to compare
        assertThat(browser.findElement(By.id("comparison-section")).isDisplayed()).isFalse();
        List<WebElement> downloads = browser.findElements(By.cssSelector("section:not([hidden]) .downloads a.download"));
        assertThat(downloads).hasSize(12);
        assertThat(browser.findElements(By.cssSelector("#supply tbody tr[data-kind='FUNCTION']"))).isNotEmpty();
        assertThat(browser.findElement(By.id("supply-note")).getText()).contains("Демо-регион", "2027");
        assertThat(downloads.get(1).getDomAttribute("href")).contains("/api/reports/coverage?", "format=xlsx");

        // trends: the demo's four graduated intakes, across the change of 06.001's edition
        assertThat(browser.findElements(By.cssSelector("#trends-chart canvas"))).isNotEmpty();
        assertThat(Integer.parseInt(browser.findElement(By.id("trends-chart")).getDomAttribute("data-lines")))
                .isGreaterThan(10);
        assertThat(browser.findElement(By.id("trends-note")).getText()).contains("679н", "424н");
        assertThat(browser.findElement(By.cssSelector("#trends-changes li[data-code='B/04.5']")).getText())
                .contains("удалена в редакции 424н");
        assertThat(browser.findElement(By.cssSelector("#trends-changes li[data-code='B/06.4']")).getText())
                .contains("добавлена в редакции 424н");
        WebElement trends = browser.findElement(By.id("trends-chart"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", trends);
        Path trendShot = Path.of("target", "reports-trends.png");
        Files.createDirectories(trendShot.getParent());
        Files.write(trendShot, trends.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(trendShot)).isGreaterThan(5_000);

        Path shot = Path.of("target", "reports-page.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void designerComparesTwoMappingVersions() throws IOException {
        long collegeId = programmes.insertCollege("PAGE-" + UUID.randomUUID().toString().substring(0, 8),
                "Колледж для страницы", "Тест");
        long programmeId = programmes.insert(collegeId, new Programme("09.02.07", "Программа с двумя версиями",
                "Программист", 5, 2025, List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Формировать алгоритмы", "ВД 1"),
                        new Outcome("ПК 1.2", OutcomeKind.PROFESSIONAL, "Разрабатывать модули", "ВД 1"))));
        long standardId = standards.currentEdition("06.001").orElseThrow();
        mappingImport.importCsv(programmeId, standardId, "v1",
                "outcome_code,function_code,type,weight\nПК 1.1,A/01.3,EXACT,1.0\n".getBytes(StandardCharsets.UTF_8));
        mappingImport.importCsv(programmeId, standardId, "v2",
                "outcome_code,function_code,type,weight\nПК 1.1,A/01.3,RELATED,0.5\nПК 1.2,A/04.3,EXACT,1.0\n"
                        .getBytes(StandardCharsets.UTF_8));
        open("/reports/index.html?programme=" + programmeId + "&standard=06.001");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("comparison-section")).isDisplayed()).isTrue();
        // the page may redraw the comparison once more (the version selectors settle): read it when stable
        assertThat(settled(By.cssSelector("#comparison li[data-change='fixed']"), e -> e.getDomAttribute("data-code")))
                .isEqualTo("A/04.3");
        assertThat(settled(By.cssSelector("#comparison li[data-change='broken']"), e -> e.getDomAttribute("data-code")))
                .isEqualTo("A/01.3");
        assertThat(settled(By.cssSelector("#comparison li[data-change='broken']"), WebElement::getText))
                .contains("покрыта → только RELATED");
        assertThat(settled(By.cssSelector("#heatmap td.cell[data-function='A/04.3'][data-outcome='ПК 1.2']"),
                e -> e.getDomAttribute("data-type"))).isEqualTo("EXACT");
        assertThat(settled(By.cssSelector("#comparison-section .downloads a[data-format='xlsx']"),
                e -> e.getDomAttribute("href"))).contains("/api/reports/mapping-comparison?", "from=1", "to=2");
        Path shot = Path.of("target", "reports-page-comparison.png");
        Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Reads from an element, finding it again if the page redrew it in between. */
    private static String settled(By by, java.util.function.Function<WebElement, String> read) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> read.apply(d.findElement(by)));
    }
}
