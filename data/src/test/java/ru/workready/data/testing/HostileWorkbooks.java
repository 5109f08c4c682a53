package ru.workready.data.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks built to hurt: a part that inflates far past its size (a zip bomb), a zip whose headers
 * understate what a part inflates to, a shared-strings table of too many strings. Each is a real
 * XLSX (made by POI) with one part replaced, so that only the hostile part is at fault.
 */
public final class HostileWorkbooks {
    private HostileWorkbooks() {
    }

    /** A small valid workbook: the header and rows given, as shared strings (as Excel saves text). */
    public static byte[] workbook(List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Лист1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with one part's content replaced (or added), written by {@code content} as it streams. */
    public static byte[] replace(byte[] xlsx, String part, Consumer<OutputStream> content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean written = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(part)) {
                    content.accept(out);
                    written = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!written) {
                out.putNextEntry(new ZipEntry(part));
                content.accept(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code bytes} of one repeated byte: deflate shrinks them about a thousandfold. */
    public static Consumer<OutputStream> repeated(long bytes, char c) {
        return out -> {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) c);
            try {
                for (long left = bytes; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A shared-strings part of {@code count} short distinct strings, with or without its declared count. */
    public static Consumer<OutputStream> sharedStrings(int count, boolean declared) {
        return out -> {
            try {
                out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                        + (declared ? " count=\"" + count + "\" uniqueCount=\"" + count + "\"" : "") + ">")
                        .getBytes(StandardCharsets.UTF_8));
                StringBuilder chunk = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    chunk.append("<si><t>").append(Integer.toString(i, 36)).append("</t></si>");
                    if (chunk.length() > 60_000) {
                        out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                        chunk.setLength(0);
                    }
                }
                out.write(chunk.append("</sst>").toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * The zip with the named part's uncompressed size rewritten to {@code declared} wherever the zip
     * states it (central directory, local header, data descriptor): its headers now lie.
     */
    public static byte[] lie(byte[] zip, String part, int declared) {
        byte[] out = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = out.length - 22;
        while (eocd >= 0 && b.getInt(eocd) != 0x06054b50) {
            eocd--;
        }
        int entries = b.getShort(eocd + 10) & 0xFFFF;
        int at = b.getInt(eocd + 16);
        boolean found = false;
        for (int i = 0; i < entries; i++) {
            int nameLength = b.getShort(at + 28) & 0xFFFF;
            int extra = b.getShort(at + 30) & 0xFFFF;
            int comment = b.getShort(at + 32) & 0xFFFF;
            String name = new String(out, at + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals(part)) {
                found = true;
                int compressed = b.getInt(at + 20);
                b.putInt(at + 24, declared);
                int local = b.getInt(at + 42);
                if (b.getInt(local + 22) != 0) {
                    b.putInt(local + 22, declared);
                }
                int data = local + 30 + (b.getShort(local + 26) & 0xFFFF) + (b.getShort(local + 28) & 0xFFFF);
                int descriptor = data + compressed;
                if (descriptor + 16 <= out.length && b.getInt(descriptor) == 0x08074b50) {
                    b.putInt(descriptor + 12, declared);
                }
            }
            at += 46 + nameLength + extra + comment;
        }
        if (!found) {
            throw new IllegalArgumentException("no part " + part);
        }
        return out;
    }

    /** The zip's parts and their declared uncompressed sizes (for tests to show the lie took). */
    public static Map<String, Long> declaredSizes(byte[] zip) throws IOException {
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        java.nio.file.Path f = java.nio.file.Files.createTempFile("zip", ".xlsx");
        try {
            java.nio.file.Files.write(f, zip);
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile())) {
                z.stream().forEach(e -> sizes.put(e.getName(), e.getSize()));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
        return sizes;
    }
}
