package ru.workready.data.programmes;

import ru.workready.data.ConflictException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.engine.programmes.Programme;

/**
 * Imports and exports programme files (JSON or CSV, see {@link ProgrammeFormat}). A programme
 * version is keyed by college + ФГОС code + year of intake: importing the same version again is a
 * no-op, importing it with other content is refused (students belong to that version), so a
 * changed curriculum is uploaded as the next intake year.
 */
@Service
public class ProgrammeImportService {

    /** What happened to the programme of the file. */
    public enum Status {
        CREATED,
        UNCHANGED
    }

    public record ProgrammeImported(long id, String college, String fgosCode, int intakeYear, Status status,
                                    int activities, int outcomes) {
    }

    private final ProgrammeRepository programmes;

    public ProgrammeImportService(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    @Transactional
    public ProgrammeImported importJson(String college, byte[] content) {
        return store(college, ProgrammeFormat.readJson(content));
    }

    @Transactional
    public ProgrammeImported importCsv(String college, byte[] content) {
        return store(college, ProgrammeFormat.readCsv(content));
    }

    /** The CSV variant's columns on the first sheet of a workbook. */
    public ProgrammeImported importXlsx(String college, byte[] content) {
        return store(college, ProgrammeFormat.readXlsx(content));
    }

    public byte[] exportJson(long programmeId) {
        return ProgrammeFormat.writeJson(load(programmeId));
    }

    public String exportCsv(long programmeId) {
        return ProgrammeFormat.writeCsv(load(programmeId));
    }

    private Programme load(long programmeId) {
        return programmes.load(programmeId)
                .orElseThrow(() -> new NotFoundException("No programme with id " + programmeId));
    }

    private ProgrammeImported store(String college, Programme p) {
        long collegeId = programmes.collegeId(college)
                .orElseThrow(() -> new NotFoundException("No college with code " + college));
        programmes.lockVersion(collegeId, p.fgosCode(), p.intakeYear());
        Optional<Long> existing = programmes.find(collegeId, p.fgosCode(), p.intakeYear());
        if (existing.isPresent()) {
            Programme stored = programmes.load(existing.get()).orElseThrow();
            if (!stored.equals(p)) {
                throw new ConflictException(ProblemType.PROGRAMME_VERSION_CONFLICT, "Programme " + p.fgosCode()
                        + " of intake " + p.intakeYear() + " is already stored for college " + college
                        + " with different content; students belong to that version, so it is never overwritten:"
                        + " upload the changed programme as another year of intake", List.of(), 0);
            }
            return new ProgrammeImported(existing.get(), college, p.fgosCode(), p.intakeYear(), Status.UNCHANGED,
                    p.activities().size(), p.outcomes().size());
        }
        long id = programmes.insert(collegeId, p);
        return new ProgrammeImported(id, college, p.fgosCode(), p.intakeYear(), Status.CREATED, p.activities().size(),
                p.outcomes().size());
    }
}
