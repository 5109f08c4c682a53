package ru.workready.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import ru.workready.data.employers.JobProfileService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;

/**
 * The HR officer's journey on the employer page: create a job profile by picking ТФ from the standard's tree, then
 * see how ready the colleges' cohorts are, the ranked shortlist of consenting candidates with their gaps, edit the
 * profile and declare demand for it.
 */
class EmployerPageBrowserTest extends PageBrowser {
    @Autowired
    JobProfileService profiles;

    @Test
    void createAProfileThenSeeTheShortlist() throws IOException {
        String employer = unique("PAGE-EMP-").toUpperCase();
        profiles.createEmployer(employer, "ООО «Страница»", "Демо-регион");
        signIn("/employer/index.html", key(OrganisationKind.EMPLOYER, employer, null, Role.EMPLOYER));
        assertThat(text("#title")).isEqualTo("ООО «Страница»");
        assertThat(all("#profile option")).isEmpty();

        browser.findElement(By.id("profile-new")).click();
        browser.findElement(By.id("editor-code")).sendKeys("TRAINEE");
        browser.findElement(By.id("editor-name")).sendKeys("Стажёр-программист");
        ((JavascriptExecutor) browser).executeScript("const s = document.getElementById('editor-standard');"
                + "s.value = [...s.options].find((o) => o.text.startsWith('06.001')).value;"
                + "s.dispatchEvent(new Event('change'));");
        until(d -> d.findElement(By.id("tf-A-05-3")).isDisplayed());
        browser.findElement(By.id("editor-search")).sendKeys("отладк");
        until(d -> !d.findElement(By.id("tf-A-01-3")).isDisplayed());
        browser.findElement(By.id("tf-A-05-3")).click();
        new Select(browser.findElement(By.cssSelector("[data-importance='A/05.3']"))).selectByValue("5");
        browser.findElement(By.cssSelector("[data-must='A/05.3']")).click();
        browser.findElement(By.id("editor-search")).clear();
        browser.findElement(By.id("editor-search")).sendKeys("алгоритм");
        until(d -> d.findElement(By.id("tf-A-01-3")).isDisplayed());
        browser.findElement(By.id("tf-A-01-3")).click();
        assertThat(text("#editor-count")).isEqualTo("2");
        browser.findElement(By.id("editor-save")).click();

        until(d -> !d.findElement(By.id("editor")).isDisplayed()
                && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-profile-ready")));
        assertThat(new Select(browser.findElement(By.id("profile"))).getFirstSelectedOption().getText())
                .contains("Стажёр-программист", "TRAINEE");
        assertThat(text("#profile-functions tr[data-function='A/05.3']")).contains("5", "да");
        assertThat(text("#cohort tr[data-college='DEMO']")).contains("Демонстрационный колледж", "09.02.07");
        List<WebElement> candidates = all("#candidates tbody tr");
        assertThat(candidates).isNotEmpty();
        assertThat(candidates.get(0).getDomAttribute("data-rank")).isEqualTo("1");
        assertThat(candidates.get(0).getText()).startsWith("1 DEMO-");
        screenshot("employer-page.png", "main");

        browser.findElement(By.id("profile-edit")).click();
        WebElement name = until(d -> d.findElement(By.id("editor-name")));
        name.clear();
        name.sendKeys("Младший программист");
        browser.findElement(By.id("editor-save")).click();
        until(d -> new Select(d.findElement(By.id("profile"))).getFirstSelectedOption().getText()
                .contains("Младший программист"));

        browser.findElement(By.id("demand-year")).sendKeys("2027");
        browser.findElement(By.id("demand-needed")).sendKeys("3");
        browser.findElement(By.id("demand-submit")).click();
        assertThat(text("#demand tr[data-profile='TRAINEE']"))
                .contains("Демо-регион", "2027", "Младший программист", "3");
        assertFitsPhoneWidth(() -> browser.findElement(By.id("profile-edit")).click());
    }
}
