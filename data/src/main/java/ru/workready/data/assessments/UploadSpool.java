package ru.workready.data.assessments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
public final class UploadSpool implements AutoCloseable {

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
        Path file = null;
        try (in) {
            file = Files.createTempFile("workready-upload-", ".bin");
            MessageDigest digest = Hashes.sha256();
            Utf8Check check = new Utf8Check();
            byte[] buffer = new byte[64 * 1024];
            byte[] head = new byte[0];
            long total = 0;
            // the servlet stream hands over a few kilobytes a read: one write a megabyte spares the system calls
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                int n;
                while ((n = read(in, buffer)) != -1) {
                    total += n;
                    if (total > limit) {
                        throw new TooLargeException(limit);
                    }
                    if (head.length < 16) {
                        head = Arrays.copyOf(buffer, Math.min(16, n));
                    }
                    digest.update(buffer, 0, n);
                    check.update(buffer, n);
                    out.write(buffer, 0, n);
                }
            }
            return new UploadSpool(file, HexFormat.of().formatHex(digest.digest()), total, check.valid(), head);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }

    /** For callers that already hold the content (demo data, tests). */
    public static UploadSpool of(byte[] content) {
        return of(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    public Path file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    public long bytes() {
        return bytes;
    }

    /** True when the whole body is valid UTF-8 (a BOM included); otherwise it is read as Windows-1251. */
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
            for (int i = 0; i < n && valid; i++) {
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
    }
}
