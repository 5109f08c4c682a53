package ru.workready.data.standards;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import ru.workready.data.DataTest;

/**
 * Benchmark, not a test (off unless -Dworkready.bench=true): imports a 20-standard bulk file built
 * from the reference files and prints the time against two baselines measured in the same run, a
 * bare StAX pass over the same bytes and the reader alone. Run:
 * {@code ./mvnw -q -B -pl engine,data verify -Dtest=StandardImportBench -Dworkready.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "workready.bench", matches = "true")
class StandardImportBench extends DataTest {
    private static final String[] FILES = {"06.001-programmist.xml", "06.001-programmist-2013.xml",
        "06.004-tester.xml", "06.011-database-administrator.xml", "06.035-web-developer.xml"};
    private static final int ROUNDS = 5;

    @Autowired
    StandardImportService importer;

    @Test
    void bulkFileOfTwentyStandards() throws Exception {
        List<String> warmup = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            warmup.add(StandardFiles.recoded(FILES[i % FILES.length], String.format("97.%03d", i)));
        }
        byte[] warm = StandardFiles.utf8(StandardFiles.bulk(warmup));
        importer.importXml(warm);
        long stax = Long.MAX_VALUE;
        long read = Long.MAX_VALUE;
        long imported = Long.MAX_VALUE;
        MintrudXmlReader reader = new MintrudXmlReader();
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> files = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                files.add(StandardFiles.recoded(FILES[i % FILES.length], String.format("96.%d%02d", round, i)));
            }
            byte[] bulk = StandardFiles.utf8(StandardFiles.bulk(files));
            long t0 = System.nanoTime();
            XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new ByteArrayInputStream(bulk));
            int events = 0;
            while (r.hasNext()) {
                r.next();
                events++;
            }
            long t1 = System.nanoTime();
            int standards = reader.readAll(new ByteArrayInputStream(bulk)).size();
            long t2 = System.nanoTime();
            int stored = importer.importXml(bulk).size();
            long t3 = System.nanoTime();
            stax = Math.min(stax, t1 - t0);
            read = Math.min(read, t2 - t1);
            imported = Math.min(imported, t3 - t2);
            System.out.printf("round %d: %d bytes, %d events, %d standards read, %d stored%n", round, bulk.length,
                    events, standards, stored);
        }
        System.out.printf("BENCH minTrud bulk 20 standards (best of %d): bare StAX %.1f ms, reader %.1f ms, "
                        + "import into PostgreSQL %.1f ms; import/reader %.1fx, import/StAX %.1fx; target < 2000 ms%n",
                ROUNDS, stax / 1e6, read / 1e6, imported / 1e6, (double) imported / read, (double) imported / stax);
    }
}
