package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadSpoolTest {

    @Test
    void tellsUtf8FromWindows1251() {
        String text = "student_id;kind\nС-1;Демоэкзамен\n";
        try (UploadSpool utf8 = UploadSpool.of(text.getBytes(StandardCharsets.UTF_8));
             UploadSpool cp1251 = UploadSpool.of(text.getBytes(java.nio.charset.Charset.forName("windows-1251")))) {
            assertThat(utf8.utf8()).isTrue();
            assertThat(cp1251.utf8()).isFalse();
        }
    }

    /** The eight-bytes-at-a-time pass answers as the byte-by-byte one, wherever the buffers are cut. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void fastPassAnswersAsTheBytewiseOne(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = sample(random);
            UploadSpool.Utf8Check fast = new UploadSpool.Utf8Check();
            int from = 0;
            while (from < bytes.length) {
                int n = Math.min(bytes.length - from, 1 + random.nextInt(40));
                fast.update(Arrays.copyOfRange(bytes, from, from + n), n);
                from += n;
            }
            assertThat(fast.valid()).as("seed %d, round %d", seed, round).isEqualTo(bytewise(bytes));
        }
    }

    /**
     * A reader of the body as it arrives gets exactly the spooled bytes, whatever the pieces the body comes in and
     * however the reads are cut, waiting while the body has not ended; told the end once, after the last byte.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void aReaderOfTheArrivingBodyGetsItsBytes(long seed) throws Exception {
        Random random = new Random(seed);
        byte[] body = new byte[(1 << 20) * 3 + random.nextInt(1 << 20)];
        random.nextBytes(body);
        java.util.concurrent.SynchronousQueue<Integer> pieces = new java.util.concurrent.SynchronousQueue<>();
        java.io.InputStream arriving = new java.io.InputStream() {
            private int sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent == body.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, body.length - sent), 1 + random.nextInt(100_000));
                System.arraycopy(body, sent, b, off, n);
                sent += n;
                if (random.nextInt(20) == 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // the network is slow now and then
                }
                return n;
            }
        };
        UploadSpool.Receiver receiver = UploadSpool.receive(arriving, Long.MAX_VALUE);
        int[] ends = {0};
        long[] waited = {0};
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (java.io.InputStream in = receiver.arriving(w -> waited[0] = w, () -> ends[0]++)) {
                Random cuts = new Random(seed);
                byte[] buffer = new byte[70_000];
                int n;
                while ((n = in.read(buffer, 0, 1 + cuts.nextInt(buffer.length))) != -1) {
                    read.write(buffer, 0, n);
                }
                assertThat(in.read(buffer, 0, 10)).isEqualTo(-1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(receiver.fill(1 << 20)).isFalse();
        reader.start();
        try (UploadSpool spool = receiver.finish()) {
            reader.join(30_000);
            assertThat(read.toByteArray()).as("seed %d", seed).isEqualTo(body);
            assertThat(ends[0]).isEqualTo(1);
            assertThat(spool.bytes()).isEqualTo(body.length);
            assertThat(java.nio.file.Files.readAllBytes(spool.file())).isEqualTo(body);
        }
    }

    /** A body that breaks off stops its reader, as an unreadable body, and leaves no file. */
    @Test
    void aBodyThatBreaksOffStopsItsReader() throws Exception {
        byte[] first = new byte[(1 << 20) + 10];
        java.io.InputStream breaking = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first),
                new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("Connection reset by peer");
                    }
                });
        UploadSpool.Receiver receiver = UploadSpool.receive(breaking, Long.MAX_VALUE);
        receiver.fill(1 << 20);
        java.io.InputStream in = receiver.arriving(w -> { }, () -> { });
        assertThat(in.readNBytes(1 << 20)).hasSize(1 << 20);
        org.assertj.core.api.Assertions.assertThatThrownBy(receiver::finish)
                .isInstanceOf(UploadSpool.UnreadableBodyException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.read(new byte[10], 0, 10))
                .isInstanceOf(UploadSpool.UnreadableBodyException.class);
        in.close();
    }

    /** Mostly ASCII runs with Cyrillic, now and then a stray byte or a cut sequence. */
    private static byte[] sample(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = random.nextInt(60); i < n; i++) {
            s.append(random.nextInt(4) == 0 ? "Демо" : "abcdefghij".substring(0, 1 + random.nextInt(10)));
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && random.nextInt(3) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
        }
        return bytes;
    }

    private static boolean bytewise(byte[] b) {
        int pending = 0;
        for (byte x : b) {
            int c = x & 0xFF;
            if (pending > 0) {
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                pending--;
            } else if (c >= 0x80) {
                if (c >= 0xC2 && c <= 0xDF) {
                    pending = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    pending = 2;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    pending = 3;
                } else {
                    return false;
                }
            }
        }
        return pending == 0;
    }
}
