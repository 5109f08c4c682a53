package ru.workready.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;

/**
 * The administrator's journey: create an organisation and a key for it (the secret shown once), use the key on the
 * college page, revoke it and see it refused; import a standard; preview, activate and roll back a rule set.
 */
class AdminPageBrowserTest extends PageBrowser {
    @Autowired
    ProgrammeRepository programmes;

    @Test
    void createAKeyThenUseItThenRevokeIt() throws IOException {
        String admin = key(OrganisationKind.OPERATOR, unique("page-operator-"), null, Role.ADMIN);
        signIn("/admin/index.html", admin);
        String organisation = unique("page-registry-");
        browser.findElement(By.id("org-code")).sendKeys(organisation);
        browser.findElement(By.id("org-name")).sendKeys("Приёмная комиссия");
        new Select(browser.findElement(By.id("org-kind"))).selectByValue("COLLEGE");
        browser.findElement(By.id("org-college")).sendKeys("DEMO");
        browser.findElement(By.id("org-submit")).click();
        until(d -> d.findElements(By.cssSelector("#organisations tr[data-organisation='" + organisation + "']")).size() == 1);

        until(d -> organisation.equals(new Select(d.findElement(By.id("key-org"))).getFirstSelectedOption()
                .getDomAttribute("value")));
        new Select(browser.findElement(By.id("key-role"))).selectByValue("COLLEGE");
        browser.findElement(By.id("key-name")).sendKeys("регистратор");
        browser.findElement(By.id("key-submit")).click();
        String secret = text("#key-secret");
        assertThat(secret).startsWith("wr_");
        browser.findElement(By.id("key-copy")).click();
        assertThat(text("#key-copied")).isNotEmpty();
        String id = attribute("#keys tr:has(td:nth-child(3))", "data-key");
        assertThat(text("#keys tbody tr[data-key='" + id + "']")).contains(organisation, "колледж", "регистратор")
                .doesNotContain(secret);
        screenshot("admin-page.png", "#keys-heading");

        browser.findElement(By.id("sign-out")).click();
        signIn("/college/index.html", secret);
        assertThat(text("#title")).isEqualTo("Демонстрационный колледж информационных технологий");
        assertThat(text("#who")).contains(organisation);

        signIn("/admin/index.html", admin);
        browser.findElement(By.cssSelector("[data-revoke='" + id + "']")).click();
        browser.switchTo().alert().accept();
        until(d -> "true".equals(d.findElement(By.cssSelector("#keys tr[data-key='" + id + "']")).getDomAttribute("data-revoked")));
        browser.findElement(By.id("sign-out")).click();
        browser.get("http://localhost:" + port + "/college/index.html");
        until(d -> d.findElement(By.id("api-key")).isDisplayed()).booleanValue();
        browser.findElement(By.id("api-key")).sendKeys(secret);
        browser.findElement(By.id("api-key-submit")).click();
        assertThat(text("#sign-in-message")).contains("Ключ не принят");
    }

    @Test
    void importAStandardAndPreviewActivateAndRollBackARuleSet() {
        signIn("/admin/index.html", key(OrganisationKind.OPERATOR, unique("page-operator-"), null, Role.ADMIN));
        Path xml = Path.of("..", "data", "src", "main", "resources", "reference", "standards", "06.001-programmist.xml");
        browser.findElement(By.id("standard-file")).sendKeys(xml.toAbsolutePath().normalize().toString());
        browser.findElement(By.id("standard-submit")).click();
        assertThat(text("#standard-result")).contains("06.001", "уже была загружена");

        new Select(browser.findElement(By.id("rules-version"))).selectByVisibleText("region-example-1");
        browser.findElement(By.id("rules-college")).sendKeys("DEMO");
        browser.findElement(By.id("rules-preview")).click();
        assertThat(text("#rules-preview-summary")).contains("region-example-1", "колледж DEMO", "студентов");

        String college = unique("PAGE-RULES-").toUpperCase();
        programmes.insertCollege(college, "Колледж для правил", "Тест");
        new Select(browser.findElement(By.id("rules-scope"))).selectByValue("COLLEGE");
        browser.findElement(By.id("rules-code")).clear();
        browser.findElement(By.id("rules-code")).sendKeys(college);
        new Select(browser.findElement(By.id("rules-version"))).selectByVisibleText("default-1");
        browser.findElement(By.id("rules-activate")).click();
        until(d -> d.findElement(By.id("active-rules")).getText().contains(college + " — default-1"));
        new Select(browser.findElement(By.id("rules-version"))).selectByVisibleText("region-example-1");
        browser.findElement(By.id("rules-activate")).click();
        until(d -> d.findElement(By.id("active-rules")).getText().contains(college + " — region-example-1"));
        browser.findElement(By.id("rules-rollback")).click();
        until(d -> d.findElement(By.id("active-rules")).getText().contains(college + " — default-1"));
    }
}
