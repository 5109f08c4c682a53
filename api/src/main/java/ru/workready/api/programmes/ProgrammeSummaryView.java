package ru.workready.api.programmes;

import ru.workready.data.programmes.ProgrammeRepository;

/** A stored programme version as listed. */
record ProgrammeSummaryView(long id, String collegeCode, String fgosCode, String name, String qualification,
                            int qualificationLevel, int intakeYear) {

    static ProgrammeSummaryView from(ProgrammeRepository.ProgrammeSummary p) {
        return new ProgrammeSummaryView(p.id(), p.collegeCode(), p.fgosCode(), p.name(), p.qualification(),
                p.qualificationLevel(), p.intakeYear());
    }
}
