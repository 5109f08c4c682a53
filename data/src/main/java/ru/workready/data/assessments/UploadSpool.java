package ru.workready.data.assessments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import ru.workready.data.Hashes;

/**
 * An upload body copied to a temporary file in one pass, with its SHA-256 and whether it is
 * valid UTF-8: memory stays constant whatever the size, the hash answers idempotency before any
 * parsing, and the encoding is known before the first row is decoded. Delete it when done.
 */
public final class UploadSpool implements UploadContent, AutoCloseable {

    /** The body went over the limit; nothing was kept. */
    public static final class TooLargeException extends RuntimeException {
        private final long limit;

        TooLargeException(long limit) {
            super("The request body exceeds the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private final Path file;
    private final String sha256;
    private final long bytes;
    private final boolean utf8;
    private final byte[] head;

    private UploadSpool(Path file, String sha256, long bytes, boolean utf8, byte[] head) {
        this.file = file;
        this.sha256 = sha256;
        this.bytes = bytes;
        this.utf8 = utf8;
        this.head = head;
    }

    /** The body could not be read to its end (mostly a client that went away): the client's doing. */
    public static final class UnreadableBodyException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        UnreadableBodyException(IOException cause) {
            super("The request body could not be read", cause);
        }
    }

    /** Spools the stream; a read that fails: {@link UnreadableBodyException}, over the limit: {@link TooLargeException}. */
    public static UploadSpool of(InputStream in, long limit) {
        try (in) {
            return receive(in, limit).finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts spooling the stream: nothing is read until {@link Receiver#fill} or {@link Receiver#finish}, and what is
     * in the file can be read meanwhile ({@link Receiver#arriving}).
     */
    public static Receiver receive(InputStream in, long limit) {
        try {
            return new Receiver(in, limit, Files.createTempFile("workready-upload-", ".bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A body being spooled by the thread that receives it, whose bytes another thread may read as they reach the file
     * (an upload read while it arrives, docs/ingestion.md). The file grows a megabyte at a time: one write a megabyte
     * spares the system calls (the servlet stream hands over a few kilobytes a read).
     */
    public static final class Receiver {
        private static final int FLUSH = 1 << 20;
        private final InputStream in;
        private final long limit;
        private final Path file;
        private final java.nio.channels.FileChannel out;
        private final MessageDigest digest = Hashes.sha256();
        private final Utf8Check check = new Utf8Check();
        private final byte[] buffer = new byte[FLUSH];
        private int buffered;
        private byte[] head = new byte[0];
        private long total;
        /** Bytes in the file, readable by {@link #arriving}. */
        private volatile long written;
        private volatile boolean ended;
        private volatile boolean failed;
        private final Object grown = new Object();

        private Receiver(InputStream in, long limit, Path file) throws IOException {
            this.in = in;
            this.limit = limit;
            this.file = file;
            try {
                this.out = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE);
            } catch (IOException e) {
                deleteQuietly(file);
                throw e;
            }
        }

        /** Reads until at least {@code bytes} are in the file or the body has ended; true if it has ended. */
        public boolean fill(long bytes) {
            try {
                while (!ended && written < bytes) {
                    int n = read(in, buffer, buffered);
                    if (n == -1) {
                        flush();
                        end();
                    } else {
                        take(n);
                    }
                }
                return ended;
            } catch (IOException | RuntimeException e) {
                throw fail(e);
            }
        }

        /** Reads the rest of the body; the spool, which owns the file from now on. */
        public UploadSpool finish() {
            fill(Long.MAX_VALUE);
            return new UploadSpool(file, HexFormat.of().formatHex(digest.digest()), total, check.valid(), head);
        }

        /** Reads no more of the body and deletes what was spooled (a reader of it stops as if the body broke off). */
        public void discard() {
            fail(new IOException("discarded"));
        }

        /** The first bytes received (up to 16). */
        public byte[] head() {
            return head.clone();
        }

        /** Whether the bytes received so far are valid UTF-8 (a character cut at the end aside). */
        public boolean utf8SoFar() {
            return check.validSoFar();
        }

        private void take(int n) throws IOException {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            if (head.length < 16) {
                head = Arrays.copyOf(buffer, (int) Math.min(16, total));
            }
            digest.update(buffer, buffered, n);
            check.update(buffer, buffered, n);
            buffered += n;
            if (buffered == FLUSH) {
                flush();
            }
        }

        private void flush() throws IOException {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer, 0, buffered);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            buffered = 0;
            synchronized (grown) {
                written = out.position();
                grown.notifyAll();
            }
        }

        private void end() throws IOException {
            out.close();
            synchronized (grown) {
                ended = true;
                grown.notifyAll();
            }
        }

        private RuntimeException fail(Exception e) {
            synchronized (grown) {
                failed = true;
                grown.notifyAll();
            }
            try {
                out.close();
            } catch (IOException ignored) {
                // the file goes anyway
            }
            deleteQuietly(file);
            return e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }

        /**
         * The file's bytes as they arrive: a read waits for more while the body has not ended, telling {@code
         * waiting} how long it has waited in all (it may throw to stop); at the end, {@code ended} runs before the
         * end is told (it may throw too). A body that breaks off is an {@link UnreadableBodyException} to the reader.
         */
        public InputStream arriving(java.util.function.LongConsumer waiting, Runnable ended) throws IOException {
            return new Arriving(java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ),
                    waiting, ended);
        }

        private final class Arriving extends InputStream {
            private final java.nio.channels.FileChannel channel;
            private final java.util.function.LongConsumer waiting;
            private final Runnable atEnd;
            private long position;
            private long waited;
            private boolean told;

            Arriving(java.nio.channels.FileChannel channel, java.util.function.LongConsumer waiting, Runnable atEnd) {
                this.channel = channel;
                this.waiting = waiting;
                this.atEnd = atEnd;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (written <= position) {
                    if (failed) {
                        throw new UnreadableBodyException(new IOException("the body broke off"));
                    }
                    if (ended && written <= position) {
                        if (!told) {
                            atEnd.run();
                            told = true;
                        }
                        return -1;
                    }
                    long start = System.nanoTime();
                    synchronized (grown) {
                        if (written <= position && !ended && !failed) {
                            try {
                                grown.wait(100);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new java.io.InterruptedIOException("interrupted while the body arrives");
                            }
                        }
                    }
                    waited += System.nanoTime() - start;
                    waiting.accept(waited);
                }
                int n = channel.read(java.nio.ByteBuffer.wrap(b, off, (int) Math.min(len, written - position)),
                        position);
                position += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        }
    }

    private static int read(InputStream in, byte[] buffer, int offset) {
        try {
            return in.read(buffer, offset, buffer.length - offset);
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }

    /** For callers that already hold the content (demo data, tests). */
    public static UploadSpool of(byte[] content) {
        return of(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    /** True when the whole body is valid UTF-8 (a BOM included); otherwise it is read as Windows-1251. */
    @Override
    public boolean utf8() {
        return utf8;
    }

    /** The first bytes, to recognise the format when the media type does not say. */
    public byte[] head() {
        return head.clone();
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the temp folder
            }
        }
    }

    /** Incremental UTF-8 validation across buffer boundaries (structure only, enough to tell it from 1251). */
    static final class Utf8Check {
        private int pending;
        private boolean valid = true;

        /** Eight bytes at a time: a bulk file is mostly ASCII, and this runs on every byte of it. */
        private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
                .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

        void update(byte[] b, int n) {
            update(b, 0, n);
        }

        void update(byte[] b, int from, int length) {
            int n = from + length;
            for (int i = from; i < n && valid; i++) {
                if (pending == 0) {
                    while (i + 8 <= n && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                        i += 8;
                    }
                    if (i >= n) {
                        break;
                    }
                }
                int c = b[i] & 0xFF;
                if (pending > 0) {
                    if ((c & 0xC0) != 0x80) {
                        valid = false;
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
                        valid = false;
                    }
                }
            }
        }

        boolean valid() {
            return valid && pending == 0;
        }

        /** Valid so far: a character cut at the end may still be completed. */
        boolean validSoFar() {
            return valid;
        }
    }
}
