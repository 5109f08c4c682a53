package ru.workready.data.standards;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.workready.data.Page;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Reading the stored professional standards (ПС): search, one standard, its labour functions and their elements.
 */
@Service
public class StandardCatalogue {
    private final StandardRepository standards;

    StandardCatalogue(StandardRepository standards) {
        this.standards = standards;
    }

    public Optional<StandardSummary> summary(long id) {
        return standards.summary(id);
    }

    public Optional<Long> currentEdition(String code) {
        return standards.currentEdition(code);
    }

    public Optional<ProfessionalStandard> load(long id, boolean withElements) {
        return standards.load(id, withElements);
    }

    public Page<StandardSummary> search(@Nullable String q, boolean currentOnly, int page, int size) {
        return standards.search(q, currentOnly, page, size);
    }

    public Page<StandardRepository.FunctionHit> searchFunctions(@Nullable String q, @Nullable Long standardId,
            boolean currentOnly, int page, int size) {
        return standards.searchFunctions(q, standardId, currentOnly, page, size);
    }

    public Page<StandardRepository.ElementHit> searchElements(String q, @Nullable Long standardId, boolean currentOnly,
            int page, int size) {
        return standards.searchElements(q, standardId, currentOnly, page, size);
    }

    public Optional<StandardRepository.FunctionDetail> function(long standardId, String code) {
        return standards.function(standardId, code);
    }

    public Map<String, List<StandardRepository.ElementRow>> elementsByFunction(long standardId) {
        return standards.elementsByFunction(standardId);
    }
}
