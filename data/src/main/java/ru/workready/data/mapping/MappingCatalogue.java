package ru.workready.data.mapping;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.workready.data.Page;

/**
 * Reading stored mapping sets (outcome → labour function weights) of a programme and their rows.
 */
@Service
public class MappingCatalogue {
    private final MappingRepository mappings;

    MappingCatalogue(MappingRepository mappings) {
        this.mappings = mappings;
    }

    public Optional<MappingRepository.MappingSetSummary> set(long mappingSetId) {
        return mappings.set(mappingSetId);
    }

    public Page<MappingRepository.MappingSetSummary> sets(long programmeId, @Nullable Long standardId, int page,
                                                          int size, boolean activeOnly) {
        return mappings.sets(programmeId, standardId, page, size, activeOnly);
    }

    public Page<MappingRepository.MappingRow> rows(long mappingSetId, @Nullable String q, int page, int size) {
        return mappings.rows(mappingSetId, q, page, size);
    }

}
