package ru.workready.data.standards;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.Hashes;
import ru.workready.data.InvalidInputException;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Imports Ministry of Labour XML files, single or bulk, all-or-nothing per file. An edition
 * already stored with the same content is skipped; the same edition with other content is
 * refused rather than silently overwritten.
 */
@Service
public class StandardImportService {

    /** What happened to one standard of the file. */
    public record Imported(long id, String code, String name, String orderNumber, java.time.LocalDate approvalDate,
                           boolean created, int generalizedFunctions, int labourFunctions) {
    }

    private final StandardRepository standards;
    private final MintrudXmlReader reader = new MintrudXmlReader();

    public StandardImportService(StandardRepository standards) {
        this.standards = standards;
    }

    @Transactional
    public List<Imported> importXml(byte[] content) {
        List<Imported> result = new ArrayList<>();
        try {
            reader.read(new ByteArrayInputStream(content), s -> result.add(store(s)));
        } catch (StandardImportException e) {
            throw new InvalidInputException("invalid-standard-xml", e.getMessage());
        }
        return result;
    }

    private Imported store(ProfessionalStandard s) {
        String hash = Hashes.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
        Optional<Long> existing = standards.findEdition(s.code(), s.orderNumber(), s.approvalDate());
        int tf = s.labourFunctions().size();
        if (existing.isPresent()) {
            if (!standards.contentHash(existing.get()).orElse("").equals(hash)) {
                throw new InvalidInputException("standard-edition-conflict", "Edition " + s.code() + " (order "
                        + s.orderNumber() + " of " + s.approvalDate() + ") is already stored with different content;"
                        + " an edition is never overwritten");
            }
            return new Imported(existing.get(), s.code(), s.name(), s.orderNumber(), s.approvalDate(), false,
                    s.generalizedFunctions().size(), tf);
        }
        long id = standards.insert(s, hash);
        return new Imported(id, s.code(), s.name(), s.orderNumber(), s.approvalDate(), true,
                s.generalizedFunctions().size(), tf);
    }
}
