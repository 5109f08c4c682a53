package ru.workready.api.mapping;

import org.jspecify.annotations.Nullable;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.engine.mapping.MappingType;

/** One mapping as in the CSV file: outcome → labour function, optionally one element of it (LA1, RS2, NK3). */
record MappingRowView(long id, String outcomeCode, String outcomeName, String functionCode, String functionName,
                      @Nullable String elementKey, @Nullable Long elementId, MappingType type, double weight,
                      boolean critical) {

    static MappingRowView from(MappingRepository.MappingRow r) {
        return new MappingRowView(r.id(), r.outcomeCode(), r.outcomeName(), r.functionCode(), r.functionName(),
                r.elementKey(), r.elementId(), r.type(), r.weight(), r.critical());
    }
}
