package ru.workready.api.employers;

import java.time.LocalDate;
import ru.workready.data.employers.ConsentRepository;

/** One decision in a student's consent history: given or withdrawn, and on which day. */
record ConsentDecisionView(boolean consented, LocalDate decidedOn) {

    static ConsentDecisionView from(ConsentRepository.Decision d) {
        return new ConsentDecisionView(d.consented(), d.decidedOn());
    }
}
