package ru.workready.api.security;

import java.util.Map;
import java.util.UUID;
import ru.workready.api.ApiTest;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;

/**
 * Keys of every role, made once per test JVM with unique organisation codes (the database is shared):
 * the demo college DEMO, a second college (the "other tenant"), an employer and a region's
 * curriculum designer; admin is the configured test key.
 */
final class SecurityFixtures {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String OTHER_COLLEGE = "SEC-OTHER-" + RUN;

    /** Keys by role; COLLEGE is the demo college's key. */
    final Map<Role, String> keys;
    final String otherCollegeKey;
    final String demoCollegeOrganisation = "sec-demo-" + RUN;
    final String otherCollegeOrganisation = "sec-other-" + RUN;

    private static SecurityFixtures instance;

    private SecurityFixtures(ApiKeyService service, ProgrammeRepository programmes) {
        programmes.insertCollege(OTHER_COLLEGE, "Другой колледж (тест безопасности)", "Тестовая область");
        service.createOrganisation(demoCollegeOrganisation, "Демо-колледж", OrganisationKind.COLLEGE, "DEMO");
        service.createOrganisation(otherCollegeOrganisation, "Другой колледж", OrganisationKind.COLLEGE, OTHER_COLLEGE);
        service.createOrganisation("sec-employer-" + RUN, "Работодатель", OrganisationKind.EMPLOYER, null);
        service.createOrganisation("sec-region-" + RUN, "Минобразования области", OrganisationKind.REGION, null);
        service.createOrganisation("sec-operator-" + RUN, "Оператор", OrganisationKind.OPERATOR, null);
        keys = Map.of(
                Role.ADMIN, ApiTest.ADMIN_KEY,
                Role.COLLEGE, key(service, demoCollegeOrganisation, Role.COLLEGE),
                Role.EMPLOYER, key(service, "sec-employer-" + RUN, Role.EMPLOYER),
                Role.CURRICULUM_DESIGNER, key(service, "sec-region-" + RUN, Role.CURRICULUM_DESIGNER),
                Role.RULE_AUTHOR, key(service, "sec-operator-" + RUN, Role.RULE_AUTHOR));
        otherCollegeKey = key(service, otherCollegeOrganisation, Role.COLLEGE);
    }

    static synchronized SecurityFixtures get(ApiKeyService service, ProgrammeRepository programmes) {
        if (instance == null) {
            instance = new SecurityFixtures(service, programmes);
        }
        return instance;
    }

    private static String key(ApiKeyService service, String organisation, Role role) {
        return service.createKey(organisation, role, "test " + role, null, null, null).secret();
    }
}
