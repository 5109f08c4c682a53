package ru.workready.data.assessments;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The buffer binary COPY rows are built in, big-endian as the format wants, handed to the stream in large chunks
 * (one write per chunk, not per field).
 */
final class CopyBytes {
    private final OutputStream out;
    /** The UTF-8 of recent short non-ASCII texts, by identity (a file's repeated cells are one string each). */
    private final String[] encoded = new String[64];
    private final byte[][] encodedBytes = new byte[64][];
    private final int chunk;
    private byte[] bytes;
    private int length;

    CopyBytes(OutputStream out, int chunk, byte[] header) {
        this.out = out;
        this.chunk = chunk;
        this.bytes = new byte[chunk + 16 * 1024];
        System.arraycopy(header, 0, bytes, 0, header.length);
        this.length = header.length;
    }

    /** Room for {@code n} more bytes: hands the buffered rows over first if needed, grows only for huge fields. */
    void ensure(int n) {
        if (length + n <= bytes.length) {
            return;
        }
        flush();
        if (n > bytes.length) {
            bytes = new byte[n];
        }
    }

    /** Hands the rows over once a chunk is full. */
    void endRow() {
        if (length >= chunk) {
            flush();
        }
    }

    void flush() {
        try {
            out.write(bytes, 0, length);
            length = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void putByte(int v) {
        bytes[length++] = (byte) v;
    }

    void putShort(int v) {
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    void putInt(int v) {
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    /** A text field: its length, then its UTF-8 bytes (ASCII copied char by char, without an encoder). */
    void putText(String value) {
        int n = value.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            ensure(4 + n);
            putInt(n);
            for (int i = 0; i < n; i++) {
                bytes[length++] = (byte) value.charAt(i);
            }
        } else {
            byte[] utf8 = utf8(value);
            ensure(4 + utf8.length);
            putInt(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }
    }

    private byte[] utf8(String value) {
        if (value.length() > 256) { // a long text is seldom repeated, and is not kept
            return value.getBytes(StandardCharsets.UTF_8);
        }
        int slot = value.hashCode() & (encoded.length - 1);
        if (encoded[slot] != value) {
            encoded[slot] = value;
            encodedBytes[slot] = value.getBytes(StandardCharsets.UTF_8);
        }
        return encodedBytes[slot];
    }
}
