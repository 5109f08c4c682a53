package ru.workready.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.workready.api.WorkreadyApplication;
import ru.workready.data.assessments.EvidencePartitions;
import ru.workready.data.assessments.SampleResults;
import ru.workready.data.assessments.UploadWarmUp;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.Programme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end ingestion benchmark (not a test): generates a realistic assessment CSV, uploads it
 * over HTTP through the product's upload path on the embedded PostgreSQL, and in the same run
 * loads the same file with a raw COPY into a bare table; prints rows/s of both, the ratio and the
 * peak heap. Run with bench/ingest.sh (which uses -Xmx256m).
 */
public final class IngestBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int STUDENTS = 20_000;
    /** The bench's own admin key (a fresh database takes it as its first admin key). */
    private static final String API_KEY = "wr_ingest-bench-admin-key-0123456789abcdef";

    private static final int WARM_UP_ROWS = 250_000;
    /** How often the bench reads a running upload's status (POLL_MS; every read is a request the node serves). */
    private static final long POLL_MILLIS = Long.parseLong(System.getenv().getOrDefault("POLL_MS", "50"));

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/workready-bench");
        Files.createDirectories(dir);
        ConfigurableApplicationContext app = SpringApplication.run(WorkreadyApplication.class,
                "--server.port=0", "--workready.embedded.data-dir=" + dir.resolve("pgdata"),
                "--workready.rescoring.stale-scores.enabled=false", "--workready.admin-key=" + API_KEY,
                "--workready.security.requests-per-minute=1000000", "--logging.level.root=WARN",
                "--logging.level.ru.workready=WARN",
                "--logging.level.ru.workready.data.assessments=INFO", "--spring.main.banner-mode=off",
                // the product's start-up warm-up (the test classpath turns it off); -Dworkready.bench.warm-up=0: none
                "--workready.uploads.warm-up-rows=" + Integer.getInteger("workready.bench.warm-up", 200_000));
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String college = prepare(app);
            // the warm-up takes the large file's path (over workready.uploads.own-partition, 16 MB: a partition of
            // its own, ids in blocks), so that the JIT has compiled that path before the measured upload
            Path small = dir.resolve("results-" + WARM_UP_ROWS + ".csv");
            Path big = dir.resolve("results-" + rows + ".csv");
            Programme programme = JSON.readValue(new ClassPathResource("demo/programme-09.02.07.json").getInputStream(),
                    Programme.class);
            generate(small, WARM_UP_ROWS, college, programme, 1);
            generate(big, rows, college, programme, 2);
            // made now, not between the measured uploads: the generator's JIT work would fall into them
            // NEXT=k: k further uploads of that size, each another file (0: none)
            int nextUploads = Integer.parseInt(System.getenv().getOrDefault("NEXT", "1"));
            List<Path> next = new ArrayList<>();
            for (int i = 0; i < nextUploads; i++) {
                next.add(dir.resolve("results-" + rows + "-next-" + (i + 1) + ".csv"));
                generate(next.get(i), rows, college, programme, 3 + i);
            }
            System.out.printf(Locale.ROOT, "file: %,d rows, %.1f MB%n", rows, Files.size(big) / 1e6);

            long w = System.nanoTime();
            app.getBean(UploadWarmUp.class).await();
            System.out.printf(Locale.ROOT, "start-up warm-up of the upload path (%,d made-up rows): waited %.1f s for "
                    + "its end%n", Integer.getInteger("workready.bench.warm-up", 200_000), (System.nanoTime() - w) / 1e9);
            DataSource ds = app.getBean(DataSource.class);
            Measured warm = upload(port, college, small);
            System.out.printf(Locale.ROOT, "warm-up upload (%,d rows, %.1f MB): %.2f s, %,.0f rows/s, peak heap %d MB%n",
                    WARM_UP_ROWS, Files.size(small) / 1e6, warm.seconds, WARM_UP_ROWS / warm.seconds, warm.peakHeapMb);
            // a node in service has answered many requests before a large upload: WARM_REQUESTS=n status reads
            // (default 0: a node just started) let the JIT compile the request path the status polls take
            int requests = Integer.parseInt(System.getenv().getOrDefault("WARM_REQUESTS", "0"));
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < requests; i++) {
                http.send(HttpRequest.newBuilder(warm.location).header("X-API-Key", API_KEY).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            if (requests > 0) {
                System.out.printf(Locale.ROOT, "then %,d reads of the upload's status%n", requests);
            }
            Path pgdata = dir.resolve("pgdata");
            Measured product = measured(port, college, big, pgdata, "product upload");
            double pgRaw = Cpu.postgresSeconds(pgdata);
            double raw = rawCopy(ds, big, rows);
            System.out.printf(Locale.ROOT, "raw COPY into a bare table: %.2f s, %,.0f rows/s (PostgreSQL CPU %.2f s)%n",
                    raw, rows / raw, Cpu.postgresSeconds(pgdata) - pgRaw);
            double floor = serverFloor(ds, product.status.path("uploadId").asLong(), rows);
            double rawRate = rows / raw;
            System.out.printf(Locale.ROOT, "server's share alone (the upload's checked rows written again as the "
                    + "upload wrote them, rolled back): %.2f s, %,.0f rows/s = %.0f %% of raw COPY%n", floor,
                    rows / floor, 100 * raw / floor);
            System.out.printf(Locale.ROOT, "ratio product / raw COPY: %.0f %%   (targets: >= 100,000 rows/s, "
                    + ">= 40 %%)%n", 100 * (rows / product.seconds) / rawRate);
            // a node that has taken large uploads before: other files of the same size (NEXT=k, default 1)
            for (int i = 0; i < next.size(); i++) {
                Measured again = measured(port, college, next.get(i), pgdata, i == 0 ? "the next upload of that size"
                        : "upload " + (i + 2) + " of that size");
                System.out.printf(Locale.ROOT, "ratio %s / raw COPY: %.0f %%%n", i == 0 ? "next upload"
                        : "upload " + (i + 2), 100 * (rows / again.seconds) / rawRate);
            }
            // the same rows in the other upload formats (FORMATS=jsonl,json,xlsx): speed and heap
            for (String format : System.getenv().getOrDefault("FORMATS", "").split(",")) {
                if (format.isBlank()) {
                    continue;
                }
                Path converted = dir.resolve("results-" + rows + "." + format.strip());
                String type = convert(big, converted, format.strip());
                Measured m = upload(port, college, converted, type);
                System.out.printf(Locale.ROOT, "%s upload (%.1f MB): %.2f s, %,.0f rows/s = %.0f %% of the CSV's raw "
                                + "COPY, peak heap %d MB%n", format.strip(), Files.size(converted) / 1e6, m.seconds,
                        rows / m.seconds, 100 * (rows / m.seconds) / rawRate, m.peakHeapMb);
            }
        } finally {
            app.close();
        }
    }

    private record Measured(double seconds, long peakHeapMb, JsonNode status, URI location) {
    }

    /** A college with the demo programme and its students, through the product's repositories. */
    private static String prepare(ConfigurableApplicationContext app) throws IOException {
        ProgrammeRepository programmes = app.getBean(ProgrammeRepository.class);
        String code = "BENCH";
        if (programmes.collegeId(code).isPresent()) {
            return code;
        }
        long collegeId = programmes.insertCollege(code, "Колледж для замеров", "Бенч-регион");
        Programme programme = JSON.readValue(new ClassPathResource("demo/programme-09.02.07.json").getInputStream(),
                Programme.class);
        long programmeId = programmes.insert(collegeId, programme);
        List<StudentRepository.Student> students = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            students.add(new StudentRepository.Student(studentId(i), collegeId, code, programmeId,
                    "ГР-" + (i / 25), i % 2 == 0, i % 2 == 0 ? LocalDate.of(2026, 9, 1) : null));
        }
        app.getBean(StudentRepository.class).insertAll(students);
        return code;
    }

    private static String studentId(int i) {
        return String.format(Locale.ROOT, "B%06d", i);
    }

    /** A realistic mix ({@link SampleResults}) of the programme's students. */
    static void generate(Path file, int rows, String college, Programme programme, long seed) throws IOException {
        List<String> students = IntStream.rangeClosed(1, STUDENTS).mapToObj(IngestBench::studentId).toList();
        List<String> outcomes = programme.outcomes().stream().map(Outcome::code).toList();
        List<String> professional = programme.outcomes().stream().filter(o -> o.activityCode() != null)
                .map(Outcome::code).toList();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SampleResults.write(out, rows, students, programme.fgosCode(), outcomes, professional, seed);
        }
    }

    /**
     * The generated CSV as JSON Lines, a JSON array or an XLSX sheet (written by POI's streaming
     * writer), row for row; returns the upload's content type. The generator's cells hold no ';'.
     */
    static String convert(Path csv, Path target, String format) throws IOException {
        List<String> header;
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            header = List.of(lines.findFirst().orElseThrow().split(";", -1));
        }
        if (format.equals("xlsx")) {
            try (var book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
                 var out = Files.newOutputStream(target); var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
                var sheet = book.createSheet("Результаты");
                int[] r = {0};
                lines.forEach(line -> {
                    var row = sheet.createRow(r[0]++);
                    String[] cells = line.split(";", -1);
                    for (int c = 0; c < cells.length; c++) {
                        if (!cells[c].isEmpty()) {
                            row.createCell(c).setCellValue(cells[c]);
                        }
                    }
                });
                book.write(out);
            }
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        boolean array = format.equals("json");
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            out.write(array ? "[\n" : "");
            boolean[] first = {true};
            lines.skip(1).forEach(line -> {
                String[] cells = line.split(";", -1);
                var object = JSON.createObjectNode();
                for (int c = 0; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        object.put(header.get(c), cells[c]);
                    }
                }
                try {
                    out.write((array && !first[0] ? ",\n" : "") + JSON.writeValueAsString(object)
                            + (array ? "" : "\n"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                first[0] = false;
            });
            out.write(array ? "\n]\n" : "");
        }
        return array ? "application/json" : "application/x-ndjson";
    }

    /** POSTs the file with this JVM's HTTP client; answers the body and the Location header. */
    private static String[] javaClient(HttpClient http, String url, Path file, String contentType) throws Exception {
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType).header("Prefer", "respond-async").header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() >= 300) {
            throw new IllegalStateException("upload refused: " + posted.statusCode() + " " + posted.body());
        }
        return new String[] {posted.body(), posted.headers().firstValue("Location").orElseThrow()};
    }

    /**
     * POSTs the file with curl (CLIENT=curl): the client is another process, as an operator's is, so its CPU and its
     * JIT are not this JVM's.
     */
    private static String[] curl(String url, Path file, String contentType) throws Exception {
        Path headers = Files.createTempFile("ingest-headers-", ".txt");
        Path body = Files.createTempFile("ingest-body-", ".json");
        try {
            Process p = new ProcessBuilder("curl", "-sS", "-X", "POST", "--data-binary", "@" + file,
                    "-H", "Content-Type: " + contentType, "-H", "Prefer: respond-async", "-H", "X-API-Key: " + API_KEY,
                    "-H", "Expect:", "-D", headers.toString(), "-o", body.toString(), "-w", "%{http_code}", url)
                    .redirectErrorStream(true).start();
            String code = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || code.compareTo("300") >= 0) {
                throw new IllegalStateException("upload refused: " + code + " " + Files.readString(body));
            }
            String location = Files.readAllLines(headers).stream().filter(h -> h.regionMatches(true, 0, "Location:", 0, 9))
                    .map(h -> h.substring(9).strip()).findFirst().orElseThrow();
            return new String[] {Files.readString(body), location};
        } finally {
            Files.deleteIfExists(headers);
            Files.deleteIfExists(body);
        }
    }

    /** An upload, timed, with the CPU it cost this JVM (by thread) and PostgreSQL. */
    private static Measured measured(int port, String college, Path file, Path pgdata, String what) throws Exception {
        double jvm0 = Cpu.jvmSeconds();
        double pg0 = Cpu.postgresSeconds(pgdata);
        var threads0 = Cpu.threads();
        long[] jitGc0 = Cpu.jitAndGcMillis();
        var tasks0 = Cpu.tasks();
        Measured m = upload(port, college, file);
        String threads = Cpu.threadsSince(threads0, jvm0);
        long[] jitGc1 = Cpu.jitAndGcMillis();
        threads += String.format(Locale.ROOT, "; compiling %d ms, collecting %d ms (their threads' time); CPU of the "
                + "JVM's own threads: %s", jitGc1[0] - jitGc0[0], jitGc1[1] - jitGc0[1], Cpu.jvmTasksSince(tasks0));
        System.out.printf(Locale.ROOT, "%s (HTTP → spool → checks → COPY into the evidence partition): %.2f s, %,.0f "
                        + "rows/s, peak heap %d MB (max heap %d MB)%n  CPU: this JVM %.2f s, PostgreSQL %.2f s; load "
                        + "average %s%n  this JVM's threads: %s%n", what, m.seconds,
                m.status.path("rows").asLong() / m.seconds, m.peakHeapMb, Runtime.getRuntime().maxMemory() / (1 << 20),
                Cpu.jvmSeconds() - jvm0, Cpu.postgresSeconds(pgdata) - pg0,
                Files.readString(Path.of("/proc/loadavg")).strip(), threads);
        return m;
    }

    private static Measured upload(int port, String college, Path file) throws Exception {
        return upload(port, college, file, "text/csv");
    }

    /** POSTs the file as a stream and polls the upload resource until it completes; samples the heap meanwhile. */
    private static Measured upload(int port, String college, Path file, String contentType) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        String url = "http://localhost:" + port + "/api/colleges/" + college + "/assessments?fileName="
                + file.getFileName();
        String[] posted = "curl".equals(System.getenv("CLIENT")) ? curl(url, file, contentType)
                : javaClient(http, url, file, contentType);
        JsonNode status = JSON.readTree(posted[0]);
        URI location = URI.create("http://localhost:" + port + posted[1]);
        while ("PROCESSING".equals(status.path("status").asString())) {
            Thread.sleep(POLL_MILLIS);
            status = JSON.readTree(http.send(HttpRequest.newBuilder(location).header("X-API-Key", API_KEY).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        if (!"COMPLETED".equals(status.path("status").asString())) {
            throw new IllegalStateException("upload did not complete: " + status);
        }
        return new Measured(seconds, peak.get() / (1024 * 1024), status, location);
    }

    /**
     * What the database alone needs for the product's write: the rows the upload stored, already
     * checked and rendered, written again the way the upload wrote them (then rolled back): COPY
     * into the college's shared partition, or, for a large upload, into a new table that is then
     * indexed and attached as a partition. The product cannot be faster than this; the gap to it is
     * the Java side and the pipeline.
     */
    private static double serverFloor(DataSource ds, long uploadId, int rows) throws Exception {
        Path rendered = Files.createTempFile("ingest-rendered-", ".tsv");
        String columns = EvidencePartitions.COPY_COLUMNS;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String partition;
            long collegeId;
            try (var rs = s.executeQuery("select tableoid::regclass::text, college_id from evidence where upload_id = "
                    + uploadId + " limit 1")) {
                rs.next();
                partition = rs.getString(1);
                collegeId = rs.getLong(2);
            }
            if (partition.contains("_upload_")) {
                columns = EvidencePartitions.OWN_COPY_COLUMNS; // as a large upload writes its own partition
            }
            try (var out = Files.newOutputStream(rendered)) {
                copy.copyOut("copy (select " + columns + " from " + partition + " where upload_id = " + uploadId
                        + " order by id) to stdout (format binary)", out);
            }
            c.setAutoCommit(false);
            // the product's own steps, on this connection: a partition of its own (under an id no
            // upload has) for a large upload, the shared partition otherwise
            JdbcClient tx = JdbcClient.create(new SingleConnectionDataSource(c, true));
            long start = System.nanoTime();
            EvidencePartitions.Target target = partition.contains("_upload_")
                    ? EvidencePartitions.ownPartition(tx, collegeId, Long.MAX_VALUE,
                            java.time.Instant.parse("2026-11-25T09:00:00Z"))
                    : EvidencePartitions.shared(tx, collegeId);
            long copied;
            try (InputStream in = Files.newInputStream(rendered)) {
                copied = copy.copyIn("copy " + target.table() + " (" + columns + ") from stdin (format binary)", in,
                        1024 * 1024);
            }
            target.complete(tx);
            double seconds = (System.nanoTime() - start) / 1e9;
            c.rollback();
            c.setAutoCommit(true);
            if (copied != rows) {
                throw new IllegalStateException("the floor COPY took " + copied + " rows");
            }
            return seconds;
        } finally {
            Files.deleteIfExists(rendered);
        }
    }

    /** The baseline: the same file, COPY'd as it is into a bare logged table of text columns. */
    private static double rawCopy(DataSource ds, Path file, int rows) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_copy");
            s.execute("create table bench_raw_copy (student_id text, programme text, outcome_code text, kind text, "
                    + "result text, max_points text, assessed_on text, attempt text, assessor text, standard_code text, "
                    + "generalized_function text, certificate_number text, place text, comment text)");
            long start = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(file)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_raw_copy from stdin (format csv, header true, delimiter ';')", in, 64 * 1024);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("raw COPY took " + copied + " rows");
            }
            s.execute("drop table bench_raw_copy");
            return seconds;
        }
    }
}
