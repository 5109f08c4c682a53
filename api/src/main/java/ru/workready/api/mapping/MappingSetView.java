package ru.workready.api.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import ru.workready.data.mapping.MappingRepository;

/** One version of a programme's mapping to a standard edition: who made it, when, whether it is in use. */
record MappingSetView(long id, long programmeId, long standardId, String standardCode, String standardOrderNumber,
                      LocalDate standardApprovalDate, int version, String author, OffsetDateTime createdAt,
                      boolean active, int mappings) {

    static MappingSetView from(MappingRepository.MappingSetSummary s) {
        return new MappingSetView(s.id(), s.programmeId(), s.standardId(), s.standardCode(), s.standardOrderNumber(),
                s.standardApprovalDate(), s.version(), s.author(), s.createdAt(), s.active(), s.mappings());
    }
}
