package ru.workready.api.security;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.OrganisationRepository;

/** An organisation that holds API keys; {@code college} is the college code of a COLLEGE organisation. */
public record OrganisationView(long id, String code, String name, OrganisationKind kind, @Nullable String college,
                               @Nullable String region, OffsetDateTime createdAt) {

    public static OrganisationView from(OrganisationRepository.Organisation o) {
        return new OrganisationView(o.id(), o.code(), o.name(), o.kind(), o.college(), o.region(), o.createdAt());
    }
}
