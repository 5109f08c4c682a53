package ru.workready.engine.standards;

import java.time.LocalDate;
import java.util.List;

/**
 * Профессиональный стандарт (ПС), one edition. Editions share the registration number, so an
 * edition is identified by code + order number + approval date.
 */
public record ProfessionalStandard(String code, String name, String registrationNumber,
                                   String orderNumber, LocalDate approvalDate, String activityKind,
                                   List<GeneralizedFunction> generalizedFunctions, StandardDetails details) {
    public ProfessionalStandard {
        generalizedFunctions = List.copyOf(generalizedFunctions);
    }

    public ProfessionalStandard(String code, String name, String registrationNumber, String orderNumber,
                                LocalDate approvalDate, String activityKind,
                                List<GeneralizedFunction> generalizedFunctions) {
        this(code, name, registrationNumber, orderNumber, approvalDate, activityKind, generalizedFunctions,
                StandardDetails.EMPTY);
    }

    public List<LabourFunction> labourFunctions() {
        return generalizedFunctions.stream().flatMap(g -> g.functions().stream()).toList();
    }

    public long count(ElementKind kind) {
        return labourFunctions().stream().mapToLong(f -> f.count(kind)).sum();
    }
}
