package ru.workready.data.employers;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Students' consent to show their names to employers: record a decision, its history, how often it was used.
 */
@Service
public class Consents {
    private final ConsentRepository consents;

    Consents(ConsentRepository consents) {
        this.consents = consents;
    }

    public void record(String studentId, boolean consented, LocalDate decidedOn) {
        consents.record(studentId, consented, decidedOn);
    }

    public long disclosures(String studentId) {
        return consents.disclosures(studentId);
    }

    public List<ConsentRepository.Decision> history(String studentId) {
        return consents.history(studentId);
    }
}
