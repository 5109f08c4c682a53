package ru.workready.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import ru.workready.data.testing.TestClock;

/**
 * The registrar's journey on the college page: add a student with the roster, upload results with a bad row, see
 * the bad rows, fix the file, upload it again and see the student's readiness change, with its explanation.
 */
class CollegePageBrowserTest extends PageBrowser {
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StandardRepository standards;
    @Autowired
    MappingImportService mappings;

    /** A college of its own (the demo college's numbers belong to other tests): ПК 1.1 → A/01.3, ПК 1.2 → A/02.3. */
    private String college() {
        String code = unique("PAGE-").toUpperCase();
        long collegeId = programmes.insertCollege(code, "Колледж страницы " + code, "Тест");
        long programmeId = programmes.insert(collegeId, new Programme("09.02.07", "Информационные системы и программирование",
                "Программист", 5, 2025, List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка модулей")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Формировать алгоритмы", "ВД 1"),
                        new Outcome("ПК 1.2", OutcomeKind.PROFESSIONAL, "Разрабатывать модули", "ВД 1"))));
        mappings.importCsv(programmeId, standards.currentEdition("06.001").orElseThrow(), "page test",
                "outcome_code,function_code,type,weight\nПК 1.1,A/01.3,EXACT,1.0\nПК 1.2,A/02.3,EXACT,1.0\n"
                        .getBytes(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void uploadWithABadRowThenFixedChangesAStudentsReadiness() throws IOException {
        String college = college();
        String student = college + "-001";
        signIn("/college/index.html#upload", key(OrganisationKind.COLLEGE, unique("page-college-"), college, Role.COLLEGE));
        assertThat(text("#title")).isEqualTo("Колледж страницы " + college);

        upload("students", "roster.csv", "student_id;programme;intake_year;group\n" + student + ";09.02.07;2025;ИСП-25-1\n");
        assertThat(attribute("#upload-result", "data-status")).isEqualTo("COMPLETED");

        String before = openStudent(student);
        assertThat(before).isEqualTo("INSUFFICIENT_EVIDENCE");

        String day = TestClock.today().minusDays(20).toString();
        String header = "student_id;outcome_code;kind;result;max_points;assessed_on\n";
        String good = student + ";ПК 1.1;DEMO_EXAM;95;100;" + day + "\n";
        browser.get("http://localhost:" + port + "/college/index.html#upload");
        upload("assessments", "results.csv", header + good + student + ";ПК 9.9;COURSE_GRADE;5;;" + day + "\n");
        assertThat(attribute("#upload-result", "data-status")).isEqualTo("REFUSED");
        List<WebElement> bad = all("#bad-rows tbody tr");
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).getText()).contains("3", "outcome_code", "ПК 9.9");
        assertThat(browser.findElement(By.id("bad-rows-csv")).isDisplayed()).isTrue();
        screenshot("college-page-bad-rows.png", "#tab-upload");

        upload("assessments", "results-fixed.csv", header + good);
        assertThat(attribute("#upload-result", "data-status")).isEqualTo("COMPLETED");
        assertThat(text("#upload-counts")).contains("демонстрационный экзамен", "1");
        assertThat(text("#uploads")).contains("results-fixed.csv", "results.csv", "отклонён", "принят");

        assertThat(openStudent(student)).isEqualTo("READY");
        browser.findElement(By.cssSelector("[data-explain='A/01.3']")).click();
        assertThat(text("#explanation-reason")).contains("Готов");
        assertThat(text("#explanation-outcomes")).contains("ПК 1.1", "демонстрационный экзамен", "0,95");
        assertThat(text("#evidence")).contains("демонстрационный экзамен", "95 из 100 баллов");
        Path shot = screenshot("college-page.png", "#tab-student");
        assertThat(shot).exists();

        // what if ПК 1.2 got a demonstration exam too: A/02.3 would have evidence; nothing is stored
        new Select(browser.findElement(By.id("whatif-outcome"))).selectByValue("ПК 1.2");
        new Select(browser.findElement(By.id("whatif-kind"))).selectByValue("DEMO_EXAM");
        browser.findElement(By.id("whatif-result")).sendKeys("90");
        browser.findElement(By.id("whatif-max")).sendKeys("100");
        browser.findElement(By.id("whatif-add")).click();
        browser.findElement(By.id("whatif-run")).click();
        assertThat(text("#whatif-changes tr[data-function='A/02.3']")).contains("Недостаточно данных");
        assertThat(text("#evidence")).doesNotContain("90 из 100");

        // the student consents to be seen by employers, then withdraws
        browser.findElement(By.id("consent-give")).click();
        until(d -> "true".equals(d.findElement(By.id("consent-state")).getDomAttribute("data-consent"))).booleanValue();
        assertThat(text("#consent-state")).contains("Согласие дано");
        browser.findElement(By.id("consent-withdraw")).click();
        until(d -> "false".equals(d.findElement(By.id("consent-state")).getDomAttribute("data-consent"))).booleanValue();
        assertThat(text("#consent-state")).contains("Согласия нет", "отозвано");
    }

    @Test
    void studentsAreSearchedAndTheCohortReportDrawn() {
        signIn("/college/index.html#students", key(OrganisationKind.COLLEGE, unique("page-college-"), "DEMO", Role.COLLEGE));
        browser.findElement(By.id("students-q")).sendKeys("DEMO-00");
        until(d -> d.findElement(By.id("students-count")).getText().startsWith("Найдено студентов: 9 ")
                && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-students-ready")));
        assertThat(all("#students tbody tr")).hasSize(9);
        assertThat(text("#students tbody tr[data-student='DEMO-001']")).contains("ИСП-23-1", "09.02.07", "готов");

        browser.findElement(By.cssSelector(".tabs a[data-tab='cohort']")).click();
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-cohort-ready")));
        assertThat(browser.findElement(By.id("cohort-error")).isDisplayed()).isFalse();
        assertThat(all("#cohort-chart canvas")).isNotEmpty();
        assertThat(all("#weak-spots tbody tr")).hasSize(5);

        assertFitsPhoneWidth(() -> {
            browser.findElement(By.cssSelector(".tabs a[data-tab='students']")).click();
            until(d -> {
                d.findElement(By.linkText("DEMO-001")).click();
                return true;
            });
            until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-student-ready")));
        });
    }

    /** Chooses what to upload and gives the file to the file input, as a drop or a pick would. */
    private void upload(String kind, String name, String content) throws IOException {
        Path dir = Files.createTempDirectory("college-page");
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        until(d -> d.findElement(By.id("upload-kind")).isDisplayed());
        new Select(browser.findElement(By.id("upload-kind"))).selectByValue(kind);
        browser.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('upload-outcome').replaceChildren()");
        browser.findElement(By.id("upload-submit")).click();
        until(d -> !d.findElements(By.id("upload-result")).isEmpty()
                && "false".equals(d.findElement(By.tagName("body")).getDomAttribute("data-uploading")));
    }

    /** Opens the student from the list (searching for them) and answers the level of A/01.3. */
    private String openStudent(String student) {
        browser.findElement(By.cssSelector(".tabs a[data-tab='students']")).click();
        WebElement q = until(d -> d.findElement(By.id("students-q")));
        q.clear();
        q.sendKeys(student);
        until(d -> d.findElements(By.cssSelector("#students tbody tr")).size() == 1).booleanValue();
        // the list may still be redrawn (its readiness summaries arrive one by one): retry a click on a stale link
        until(d -> {
            d.findElement(By.linkText(student)).click();
            return true;
        });
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-student-ready")));
        assertThat(text("#student-title")).contains(student);
        return attribute("#readiness tr[data-function='A/01.3']", "data-level");
    }

}
