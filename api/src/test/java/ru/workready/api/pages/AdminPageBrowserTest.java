package ru.workready.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
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
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void importStandard(Path xml) {
        browser.findElement(By.id("standard-file")).sendKeys(xml.toAbsolutePath().normalize().toString());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('standard-result').replaceChildren()");
        browser.findElement(By.id("standard-submit")).click();
    }

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
    void importStandardsAndPreviewActivateAndRollBackARuleSet() throws IOException {
        signIn("/admin/index.html", key(OrganisationKind.OPERATOR, unique("page-operator-"), null, Role.ADMIN));
        Path standards = Path.of("..", "data", "src", "main", "resources", "reference", "standards");
        importStandard(standards.resolve("06.001-programmist.xml"));
        assertThat(text("#standard-result")).contains("06.001", "уже была загружена");

        // a standard of its own (a made-up code), then its next edition with one ТФ renamed: the differences shown
        // a code no test has stored yet in this JVM's database: a random one could repeat and read as a new edition
        int n = 100 + jdbc.sql("select count(*) from professional_standard where code like '98.%'").query(Long.class)
                .single().intValue();
        while (jdbc.sql("select count(*) from professional_standard where code = ?").param("98." + n)
                .query(Long.class).single() > 0) {
            n++;
        }
        String first = Files.readString(standards.resolve("06.035-web-developer.xml"))
                .replace("<CodeKindProfessionalActivity>06.035<", "<CodeKindProfessionalActivity>98." + n + "<")
                .replace("<RegistrationNumber>882<", "<RegistrationNumber>98" + n + "<");
        Path dir = Files.createTempDirectory("admin-page");
        importStandard(Files.writeString(dir.resolve("first.xml"), first));
        assertThat(text("#standard-result")).contains("98." + n, "новая редакция сохранена", "Первая редакция");
        importStandard(Files.writeString(dir.resolve("second.xml"), first.replace("<OrderNumber>44н<", "<OrderNumber>777н<")
                .replace("<DateOfApproval>18.01.2017<", "<DateOfApproval>01.02.2024<").replaceFirst("<NameTF>", "<NameTF>Новое: ")));
        until(d -> d.findElement(By.id("standard-result")).getText().contains("777н"));
        assertThat(text("#standard-result")).contains("приказа 44н от 18.01.2017", "Переименованы ТФ (1)", "Новое: ");
        assertThat(text("#standards")).contains("98." + n, "777н", "01.02.2024");

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
        assertFitsPhoneWidth(() -> { });
    }
}
