package ru.workready.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN §4's dependency direction honest: api → data → engine ← rules. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.workready");
    }

    @Test
    void engineKnowsNothingOfSpringSqlOrOtherModules() {
        noClasses().that().resideInAPackage("ru.workready.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "ru.workready.data..", "ru.workready.api..", "ru.workready.rules..")
                .check(classes);
    }

    @Test
    void dataDoesNotDependOnTheApi() {
        noClasses().that().resideInAPackage("ru.workready.data..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.workready.api..", "org.springframework.web..")
                .check(classes);
    }

    @Test
    void onlyTheDataModuleTalksSql() {
        noClasses().that().resideInAPackage("ru.workready.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(classes);
    }
}
