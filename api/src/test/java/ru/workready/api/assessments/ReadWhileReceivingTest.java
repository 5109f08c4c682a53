package ru.workready.api.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.assessments.UploadRunner;
import ru.workready.data.assessments.UploadService;
import ru.workready.data.assessments.UploadSpool;
import ru.workready.data.assessments.UploadStatus;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;

/**
 * A large CSV is read while its body arrives (issue 19): the rows are read before the body has ended, and what is
 * stored is what a whole body gives — a repeat is answered with the first upload and leaves no trace, two identical
 * bodies arriving at once are stored once, a body that is not UTF-8 after its first megabyte is read again as
 * Windows-1251, a body that breaks off leaves nothing, and an upload waiting for the executor does not wait for
 * another's transfer.
 */
class ReadWhileReceivingTest extends ApiTest {
    @Autowired
    UploadRunner runner;
    @Autowired
    UploadService uploads;
    @Autowired
    AssessmentUploadService assessments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;

    private static final int ROWS = 60_000;

    @Test
    void rowsAreReadBeforeTheBodyHasEndedAndAllAreStored() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "ARRIVE", 20);
        byte[] file = csv(fixture, ROWS, "", StandardCharsets.UTF_8);
        Arriving body = new Arriving(file, file.length / 2, false);
        CompletableFuture<UploadRunner.Started> started = send(fixture, body);
        await(() -> readSoFar(fixture) > 0);
        assertThat(started).isNotDone();
        body.release();
        UploadRunner.Started s = started.get(30, TimeUnit.SECONDS);
        assertThat(s.async()).isTrue();
        assertThat(s.duplicate()).isFalse();
        UploadStatus done = completed(s.upload().id());
        assertThat(done.rows()).isEqualTo(ROWS);
        assertThat(count("select count(*) from evidence where upload_id = ?", s.upload().id())).isEqualTo(ROWS);
        assertThat(jdbc.sql("select content_hash || ' ' || encoding from upload where id = ?")
                .param(s.upload().id()).query(String.class).single()).isEqualTo(sha256(file) + " UTF-8");
    }

    @Test
    void aRepeatArrivingIsAnsweredWithTheFirstUploadAndLeavesNoTrace() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "AREPEAT", 20);
        byte[] file = csv(fixture, ROWS, "", StandardCharsets.UTF_8);
        long first = send(fixture, new Arriving(file, -1, false)).get(30, TimeUnit.SECONDS).upload().id();
        completed(first);
        UploadRunner.Started again = send(fixture, new Arriving(file, -1, false)).get(30, TimeUnit.SECONDS);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.upload().id()).isEqualTo(first);
        assertStoredOnce(fixture, ROWS);
    }

    @Test
    void twoIdenticalBodiesArrivingAtOnceAreStoredOnce() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "ATWINS", 20);
        byte[] file = csv(fixture, ROWS, "", StandardCharsets.UTF_8);
        Arriving one = new Arriving(file, file.length / 2, false);
        Arriving two = new Arriving(file, file.length / 2, false);
        CompletableFuture<UploadRunner.Started> first = send(fixture, one);
        CompletableFuture<UploadRunner.Started> second = send(fixture, two);
        await(() -> one.held() && two.held());
        one.release();
        two.release();
        UploadRunner.Started a = first.get(30, TimeUnit.SECONDS);
        UploadRunner.Started b = second.get(30, TimeUnit.SECONDS);
        assertThat(List.of(a.duplicate(), b.duplicate())).containsExactlyInAnyOrder(true, false);
        assertThat(a.upload().id()).isEqualTo(b.upload().id());
        completed(a.upload().id());
        assertStoredOnce(fixture, ROWS);
    }

    /**
     * The key is the arriving upload's only once its body is in: a retry with it meanwhile is not told of an upload
     * that may yet be withdrawn — it becomes the key's upload, and the first is withdrawn as its repeat.
     */
    @Test
    void aRetryWithTheKeyWhileTheFirstBodyStillArrivesBecomesTheKeysUpload() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "AKEY", 20);
        byte[] file = csv(fixture, ROWS, "", StandardCharsets.UTF_8);
        Arriving first = new Arriving(file, file.length / 2, false);
        CompletableFuture<UploadRunner.Started> sent = send(fixture, first, "key-1");
        await(first::held);
        byte[] other = csv(fixture, 1_000, "", StandardCharsets.UTF_8);
        UploadRunner.Started retry = runner.run(assessments, fixture.college, "retry.csv", "key-1",
                new UploadRunner.Body(new java.io.ByteArrayInputStream(other), "text/csv", other.length, false));
        assertThat(retry.duplicate()).isFalse();
        first.release();
        UploadRunner.Started withdrawn = sent.get(30, TimeUnit.SECONDS);
        assertThat(withdrawn.duplicate()).isTrue();
        assertThat(withdrawn.upload().id()).isEqualTo(retry.upload().id());
        assertStoredOnce(fixture, 1_000);
    }

    /** A body whose reading ended before it was in (its header lacks a column) is rejected, with its real hash. */
    @Test
    void aBodyRejectedBeforeItHasArrivedIsRejectedWithItsHash() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "AREJECT", 20);
        byte[] file = csv(fixture, ROWS, "", StandardCharsets.UTF_8);
        byte[] headless = new String(file, StandardCharsets.UTF_8).replaceFirst("kind;", "kinds;")
                .getBytes(StandardCharsets.UTF_8);
        Arriving body = new Arriving(headless, headless.length / 2, false);
        CompletableFuture<UploadRunner.Started> sent = send(fixture, body);
        await(() -> count("select count(*) from upload where college_id = ? and status = 'REJECTED'",
                fixture.collegeId) == 1);
        body.release();
        UploadRunner.Started s = sent.get(30, TimeUnit.SECONDS);
        assertThat(s.upload().status()).isEqualTo(UploadStatus.REJECTED);
        assertThat(jdbc.sql("select content_hash from upload where id = ?").param(s.upload().id())
                .query(String.class).single()).isEqualTo(sha256(headless));
        assertThat(count("select count(*) from evidence where college_id = ?", fixture.collegeId)).isZero();
    }

    @Test
    void aBodyThatIsNotUtf8AfterItsFirstMegabyteIsReadAgainAsWindows1251() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "A1251", 20);
        // blank lines first: the first megabyte is plain ASCII, the rows' Cyrillic comes after it
        byte[] file = csv(fixture, 20_000, "\n".repeat(1_100_000), Charset.forName("windows-1251"));
        UploadRunner.Started s = send(fixture, new Arriving(file, -1, false)).get(30, TimeUnit.SECONDS);
        UploadStatus done = completed(s.upload().id());
        assertThat(done.rows()).isEqualTo(20_000);
        assertThat(done.encoding()).isEqualTo("windows-1251");
        assertThat(count("select count(*) from evidence where upload_id = ? and assessor = 'Иванова И. И.'",
                s.upload().id())).isEqualTo(20_000);
    }

    @Test
    void aBodyThatBreaksOffWhileItIsReadLeavesNothing() {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "ABREAK", 20);
        byte[] file = csv(fixture, ROWS, "", StandardCharsets.UTF_8);
        Arriving body = new Arriving(file, file.length / 2, true);
        assertThatThrownBy(() -> runner.run(assessments, fixture.college, "cut.csv", null,
                new UploadRunner.Body(body, "text/csv", file.length, true)))
                .isInstanceOf(UploadSpool.UnreadableBodyException.class);
        await(() -> count("select count(*) from upload where college_id = ?", fixture.collegeId) == 0);
        assertThat(count("select count(*) from evidence where college_id = ?", fixture.collegeId)).isZero();
        assertThat(uploads.progressHere()).isEmpty();
    }

    @Test
    void anUploadWaitingForTheExecutorDoesNotWaitForAnothersTransfer() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "AQUEUE", 20);
        byte[] slow = csv(fixture, ROWS, "", StandardCharsets.UTF_8);
        Arriving held = new Arriving(slow, slow.length / 2, false);
        CompletableFuture<UploadRunner.Started> first = send(fixture, held);
        await(() -> readSoFar(fixture) > 0);
        byte[] other = csv(fixture, 1_000, "", StandardCharsets.UTF_8);
        UploadRunner.Started next = runner.run(assessments, fixture.college, "next.csv", null,
                new UploadRunner.Body(new java.io.ByteArrayInputStream(other), "text/csv", other.length, true));
        // the transfer still holds: the queued upload completes meanwhile
        assertThat(completed(next.upload().id()).rows()).isEqualTo(1_000);
        assertThat(first).isNotDone();
        held.release();
        UploadStatus done = completed(first.get(30, TimeUnit.SECONDS).upload().id());
        assertThat(done.rows()).isEqualTo(ROWS);
        assertThat(count("select count(*) from evidence where college_id = ?", fixture.collegeId))
                .isEqualTo(ROWS + 1_000);
    }

    private CompletableFuture<UploadRunner.Started> send(IngestionFixture fixture, Arriving body) {
        return send(fixture, body, null);
    }

    /** Sends the body from another thread (as its request would), to run in the background. */
    private CompletableFuture<UploadRunner.Started> send(IngestionFixture fixture, Arriving body,
                                                        @org.jspecify.annotations.Nullable String key) {
        return CompletableFuture.supplyAsync(() -> runner.run(assessments, fixture.college, "big.csv", key,
                new UploadRunner.Body(body, "text/csv", body.length(), true)));
    }

    /** One upload of the college left (a withdrawn one leaves no record), with these rows. */
    private void assertStoredOnce(IngestionFixture fixture, long rows) {
        await(() -> count("select count(*) from upload where college_id = ?", fixture.collegeId) == 1);
        assertThat(count("select count(*) from evidence where college_id = ?", fixture.collegeId)).isEqualTo(rows);
    }

    private long readSoFar(IngestionFixture fixture) {
        return jdbc.sql("select id from upload where college_id = ?").param(fixture.collegeId).query(Long.class)
                .list().stream().mapToLong(id -> uploads.progressHere().getOrDefault(id, 0L)).sum();
    }

    private UploadStatus completed(long uploadId) {
        await(() -> !UploadStatus.PROCESSING.equals(uploads.status(uploadId).orElseThrow().status()));
        UploadStatus status = uploads.status(uploadId).orElseThrow();
        assertThat(status.status()).as(status.detail()).isEqualTo(UploadStatus.COMPLETED);
        return status;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Rows of course grades (ПК 1.1, an assessor), after the header and the given filler. */
    private static byte[] csv(IngestionFixture fixture, int rows, String filler, Charset charset) {
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on;assessor\n")
                .append(filler);
        for (int i = 0; i < rows; i++) {
            csv.append(fixture.student(1 + i % 20)).append(";ПК 1.1;COURSE_GRADE;").append(2 + i % 4)
                    .append(";2026-03-").append(10 + i % 18).append(";Иванова И. И.\n");
        }
        return csv.toString().getBytes(charset);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * A body that arrives in pieces: it holds at a point until released (or breaks off there), as a transfer that
     * has not ended.
     */
    private static final class Arriving extends InputStream {
        private final byte[] bytes;
        private final int holdAt;
        private final boolean breakOff;
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean held;
        private int position;

        Arriving(byte[] bytes, int holdAt, boolean breakOff) {
            this.bytes = bytes;
            this.holdAt = holdAt;
            this.breakOff = breakOff;
        }

        long length() {
            return bytes.length;
        }

        boolean held() {
            return held;
        }

        void release() {
            released.countDown();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position == holdAt) {
                if (breakOff) {
                    throw new IOException("Connection reset by peer");
                }
                held = true;
                try {
                    if (!released.await(60, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            if (position >= bytes.length) {
                return -1;
            }
            int end = position < holdAt ? holdAt : bytes.length;
            int n = Math.min(Math.min(len, 8192), end - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }
    }
}
