package ru.workready.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaPackage;
import java.util.Set;
import org.jspecify.annotations.NullMarked;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps DESIGN §4 honest: the dependency direction api → data → engine ← rules, use cases in data callable without
 * HTTP, controllers that call services and never repositories.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the data module's test classes reach the api's tests as a jar of their own
                .withImportOption(location -> !location.contains("-tests.jar"))
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

    /** Use cases take plain values: a body is an InputStream, a header a flag; HTTP stays in the api module. */
    @Test
    void noServletOrSpringMvcBelowTheApi() {
        noClasses().that().resideInAnyPackage("ru.workready.data..", "ru.workready.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..",
                        "org.springframework.http..", "io.swagger..", "org.springdoc..")
                .check(classes);
    }

    /** A controller maps HTTP to a use case; the SQL behind it is the service's business. */
    @Test
    void controllersUseServicesNeverRepositories() {
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("DESIGN §4: controllers call the use cases of the data module, never its repositories")
                .check(classes);
    }

    /** Services (use cases) live in data, where a CLI or a batch can call them without HTTP. */
    @Test
    void theApiHoldsNoServices() {
        noClasses().that().resideInAPackage("ru.workready.api..").should().beAnnotatedWith(Service.class)
                .check(classes);
    }

    /** Nullness is declared, not guessed: every package is @NullMarked and says @Nullable where it means it. */
    @Test
    void everyPackageIsNullMarked() {
        assertThat(classes.stream().map(JavaClass::getPackage).distinct()
                .filter(p -> !p.getName().startsWith("ru.workready.rules")) // the kjar's generated executable model
                .filter(p -> !p.isAnnotatedWith(NullMarked.class)).map(JavaPackage::getName).sorted())
                .as("packages without a @NullMarked package-info").isEmpty();
    }

    @Test
    void onlyTheDataModuleTalksSql() {
        noClasses().that().resideInAPackage("ru.workready.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(classes);
    }

    /** java.time types whose now() reads the system clock unless given a Clock. */
    private static final Set<String> TIME_TYPES = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.Instant", "java.time.OffsetDateTime", "java.time.OffsetTime",
            "java.time.ZonedDateTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    private static final DescribedPredicate<JavaCall<?>> READS_THE_WALL_CLOCK = DescribedPredicate.describe(
            "read the wall clock (now() without a Clock, System.currentTimeMillis(), Clock.system*(), new Date())",
            call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                var params = call.getTarget().getRawParameterTypes();
                if (TIME_TYPES.contains(owner) && name.equals("now")) {
                    return params.isEmpty() || !params.get(0).getName().equals("java.time.Clock");
                }
                if (owner.equals("java.lang.System") && name.equals("currentTimeMillis")) {
                    return true;
                }
                if (owner.equals("java.time.Clock") && name.startsWith("system")) {
                    return true;
                }
                return owner.equals("java.util.Date") && name.equals("<init>") && params.isEmpty();
            });

    /** "Today" comes from the one Clock bean (ClockConfiguration), so that tests and as-of reads control it. */
    @Test
    void onlyTheClockConfigurationReadsTheWallClock() {
        noClasses().that().doNotHaveFullyQualifiedName("ru.workready.data.time.ClockConfiguration")
                .should().callCodeUnitWhere(READS_THE_WALL_CLOCK)
                .check(classes);
    }
}
