package ru.workready.api.standards;

import java.time.LocalDate;
import ru.workready.data.standards.StandardRepository;

/** A labour function (ТФ) with the edition it belongs to, as searches and listings answer it. */
record FunctionHitView(long id, long standardId, String standardCode, String orderNumber, LocalDate approvalDate,
                       boolean current, String generalizedFunctionCode, String code, String name, int subLevel) {

    static FunctionHitView from(StandardRepository.FunctionHit f) {
        return new FunctionHitView(f.id(), f.standardId(), f.standardCode(), f.orderNumber(), f.approvalDate(),
                f.current(), f.generalizedFunctionCode(), f.code(), f.name(), f.subLevel());
    }
}
