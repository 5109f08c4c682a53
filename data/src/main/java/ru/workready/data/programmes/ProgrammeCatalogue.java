package ru.workready.data.programmes;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.workready.data.Page;
import ru.workready.engine.programmes.Outcome;

/**
 * Reading stored educational programmes (ФГОС СПО) and their learning outcomes.
 */
@Service
public class ProgrammeCatalogue {
    private final ProgrammeRepository programmes;

    ProgrammeCatalogue(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    public Optional<Long> collegeId(String code) {
        return programmes.collegeId(code);
    }

    public Optional<ProgrammeRepository.ProgrammeSummary> summary(long id) {
        return programmes.summary(id);
    }

    public Map<String, Long> outcomeIds(long programmeId) {
        return programmes.outcomeIds(programmeId);
    }

    public Page<Outcome> searchOutcomes(long programmeId, @Nullable String q, int page, int size) {
        return programmes.searchOutcomes(programmeId, q, page, size);
    }

    public Page<ProgrammeRepository.ProgrammeSummary> search(@Nullable String q, @Nullable String collegeCode, int page,
            int size) {
        return programmes.search(q, collegeCode, page, size);
    }
}
