package ru.workready.data.standards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.workready.data.InvalidInputException;
import ru.workready.data.standards.StandardImportService;

/**
 * Imports every {@code *.xml} of the folder named by {@code workready.standards.import-dir} at
 * start (also usable from the command line: {@code --workready.standards.import-dir=/path}). Each
 * file is all-or-nothing; files already imported are no-ops, so the folder can stay as it is.
 * A bad file is logged and skipped so that one broken download does not keep the service down.
 */
@Component
@Order(0)
public class StandardFolderImport implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(StandardFolderImport.class);

    private final String folder;
    private final StandardImportService importer;

    public StandardFolderImport(StandardsProperties settings, StandardImportService importer) {
        this.folder = settings.importDir();
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (folder.isBlank()) {
            return;
        }
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            log.error("workready.standards.import-dir {} is not a folder; nothing imported", dir.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml"))
                    .sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                List<StandardImportService.Imported> result = importer.importXml(in);
                long created = result.stream().filter(StandardImportService.Imported::created).count();
                log.info("Imported {}: {} standard(s), {} new", file.getFileName(), result.size(), created);
                result.stream().filter(i -> i.diff() != null && !i.diff().isEmpty()).forEach(i -> log.warn(
                        "New edition {} {} differs from {}: added {}, removed {}, renamed {}; mapping sets to review {}",
                        i.code(), i.orderNumber(), i.diff().comparedWithOrderNumber(), i.diff().added(),
                        i.diff().removed(), i.diff().renamed().size(), i.diff().mappingsToReview()));
            } catch (InvalidInputException e) {
                log.error("Skipped {}: {} {}", file.getFileName(), e.getMessage(), e.problems());
            }
        }
    }
}
