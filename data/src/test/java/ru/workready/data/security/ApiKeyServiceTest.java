package ru.workready.data.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.DataTest;
import ru.workready.data.InvalidInputException;

class ApiKeyServiceTest extends DataTest {
    @Autowired
    ApiKeyService service;
    @Autowired
    ApiKeyRepository keys;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theFirstAdminKeyIsGeneratedOnceAndOnlyItsHashIsKept() {
        jdbc.sql("update api_key set revoked_at = now() where role = 'ADMIN' and revoked_at is null").update();
        Optional<String> first = service.bootstrapAdmin(null);
        assertThat(first).isPresent();
        assertThat(first.get()).startsWith(ApiKeyService.SECRET_PREFIX).hasSize(46);
        assertThat(service.bootstrapAdmin(null)).as("printed only once").isEmpty();
        ApiKeyRepository.StoredKey stored = service.find(first.get()).orElseThrow();
        assertThat(stored.role()).isEqualTo(Role.ADMIN);
        assertThat(stored.organisation()).isEqualTo(ApiKeyService.OPERATOR);
        assertThat(jdbc.sql("select count(*) from api_key where key_hash = ? or prefix = ?")
                .params(first.get(), first.get()).query(Long.class).single()).isZero();
    }

    @Test
    void secretsAreUniqueAndKeysCarryTheirOrganisationsCollegeOnlyForColleges() {
        String employer = "emp-" + run;
        service.createOrganisation(employer, "Работодатель", OrganisationKind.EMPLOYER, null);
        String a = service.createKey(employer, Role.EMPLOYER, "a", null, null, null).secret();
        String b = service.createKey(employer, Role.EMPLOYER, "b", OffsetDateTime.ofInstant(ru.workready.data.testing.TestClock.START, java.time.ZoneOffset.UTC).plusDays(1), 10, null).secret();
        assertThat(a).isNotEqualTo(b);
        assertThat(service.find(b).orElseThrow().requestsPerMinute()).isEqualTo(10);
        assertThat(service.find(a).orElseThrow().college()).isNull();
        assertThat(keys.list(employer)).hasSize(2);
    }

    @Test
    void anOrganisationMayOnlyGiveItsKeysItsRoles() {
        String region = "reg-" + run;
        service.createOrganisation(region, "Регион", OrganisationKind.REGION, null);
        for (Role role : new Role[] {Role.ADMIN, Role.COLLEGE, Role.EMPLOYER}) {
            assertThatThrownBy(() -> service.createKey(region, role, "x", null, null, null))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).column()).isEqualTo("role"));
        }
        assertThat(service.createKey(region, Role.CURRICULUM_DESIGNER, "x", null, null, null).key().role())
                .isEqualTo(Role.CURRICULUM_DESIGNER);
        assertThatThrownBy(() -> service.createOrganisation("bad code!", "x", OrganisationKind.EMPLOYER, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.createOrganisation("emp2-" + run, "x", OrganisationKind.EMPLOYER, "DEMO"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void revocationIsAStampNotADeletion() {
        String org = "rev-" + run;
        service.createOrganisation(org, "Отзыв", OrganisationKind.EMPLOYER, null);
        ApiKeyService.CreatedKey k = service.createKey(org, Role.EMPLOYER, "x", null, null, null);
        assertThat(keys.revoke(k.key().id())).isTrue();
        OffsetDateTime revoked = keys.find(k.key().id()).orElseThrow().revokedAt();
        assertThat(revoked).isNotNull();
        assertThat(keys.revoke(k.key().id())).isTrue();
        assertThat(keys.find(k.key().id()).orElseThrow().revokedAt()).as("first revocation time kept").isEqualTo(revoked);
        assertThat(keys.find(k.key().id()).orElseThrow().usableAt(OffsetDateTime.ofInstant(ru.workready.data.testing.TestClock.START, java.time.ZoneOffset.UTC))).isFalse();
    }
}
