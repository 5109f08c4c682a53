package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.workready.data.InvalidInputException;
import ru.workready.data.testing.HostileWorkbooks;

/**
 * Zip bombs, lying zip headers and oversized shared-strings tables are refused before they are
 * held: quickly, with the part named, and with the reading thread allocating a small fraction of
 * what the part would inflate to.
 */
class XlsxGuardTest {
    private static final List<List<String>> ROWS = List.of(List.of("student_id", "comment"), List.of("S-1", "ok"));
    /** Small caps, so that the files stay small: 4 MB a sheet, 1 MB another part, 1 MB / 1000 strings. */
    private static final XlsxGuard.Limits SMALL = XlsxGuard.Limits.uploads(4 << 20, 1 << 20, 1 << 20, 1000);

    @TempDir
    Path dir;

    @Test
    void anOrdinaryWorkbookPasses() throws Exception {
        List<CsvReader.Row> rows = read(HostileWorkbooks.workbook(ROWS), SMALL);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("comment")).isEqualTo("ok"));
    }

    @Test
    void aPartDeclaredLargerThanItsCapIsRefusedWithoutInflatingIt() throws Exception {
        // 64 MB of spaces as the styles: deflated to ~64 KB
        byte[] bomb = HostileWorkbooks.replace(HostileWorkbooks.workbook(ROWS), "xl/styles.xml",
                HostileWorkbooks.repeated(64L << 20, ' '));
        assertThat(bomb.length).isLessThan(200_000);
        refusedQuicklyAndFlat(bomb, SMALL, "xl/styles.xml", "declares more than 1 MB");
    }

    @Test
    void aPartWhoseHeadersLieIsCountedWhileItInflates() throws Exception {
        byte[] bomb = HostileWorkbooks.lie(HostileWorkbooks.replace(HostileWorkbooks.workbook(ROWS), "xl/styles.xml",
                HostileWorkbooks.repeated(64L << 20, ' ')), "xl/styles.xml", 1000);
        assertThat(HostileWorkbooks.declaredSizes(bomb)).containsEntry("xl/styles.xml", 1000L);
        refusedQuicklyAndFlat(bomb, SMALL, "xl/styles.xml", "inflates to more than 1 MB");
    }

    @Test
    void aSheetThatInflatesPastItsCapIsRefusedWhileStreamed() throws Exception {
        // declared honestly: refused at once
        byte[] honest = HostileWorkbooks.replace(HostileWorkbooks.workbook(ROWS), "xl/worksheets/sheet1.xml",
                HostileWorkbooks.repeated(64L << 20, ' '));
        refusedQuicklyAndFlat(honest, SMALL, "xl/worksheets/sheet1.xml", "declares more than 4 MB");
        // declared as 1000 bytes: streamed, and stopped at the cap (or by POI's inflation-ratio check)
        byte[] lying = HostileWorkbooks.lie(honest, "xl/worksheets/sheet1.xml", 1000);
        refusedQuicklyAndFlat(lying, SMALL, null, "");
    }

    @Test
    void aSharedStringsTableOfTooManyStringsIsRefused() throws Exception {
        // declared: refused at the <sst> element, before a string is held
        byte[] declared = HostileWorkbooks.replace(HostileWorkbooks.workbook(ROWS), "xl/sharedStrings.xml",
                HostileWorkbooks.sharedStrings(5000, true));
        refusedQuicklyAndFlat(declared, SMALL, "xl/sharedStrings.xml", "more than 1000 strings");
        // undeclared: refused at the 1001st
        byte[] undeclared = HostileWorkbooks.replace(HostileWorkbooks.workbook(ROWS), "xl/sharedStrings.xml",
                HostileWorkbooks.sharedStrings(5000, false));
        refusedQuicklyAndFlat(undeclared, SMALL, "xl/sharedStrings.xml", "more than 1000 strings");
    }

    @Test
    void aHundredMegabyteSharedStringsTableIsRefusedUnderTheDefaultLimits() throws Exception {
        byte[] big = HostileWorkbooks.replace(HostileWorkbooks.workbook(ROWS), "xl/sharedStrings.xml",
                HostileWorkbooks.repeated(100L << 20, ' '));
        refusedQuicklyAndFlat(big, XlsxGuard.Limits.UPLOADS, "xl/sharedStrings.xml", "declares more than 32 MB");
        byte[] lying = HostileWorkbooks.lie(big, "xl/sharedStrings.xml", 1000);
        refusedQuicklyAndFlat(lying, XlsxGuard.Limits.UPLOADS, "xl/sharedStrings.xml", "more than 32 MB");
        // a million and one strings (18 MB of XML) under the default count
        byte[] many = HostileWorkbooks.replace(HostileWorkbooks.workbook(ROWS), "xl/sharedStrings.xml",
                HostileWorkbooks.sharedStrings(1_000_001, true));
        refusedQuicklyAndFlat(many, XlsxGuard.Limits.UPLOADS, "xl/sharedStrings.xml", "more than 1000000 strings");
    }

    @Test
    void aWorksheetNameCannotCarryTheStylesPastTheCaps() throws Exception {
        byte[] xlsx = HostileWorkbooks.workbook(ROWS);
        // the styles moved to a worksheet's name (left to be streamed, not counted): refused
        byte[] moved = HostileWorkbooks.replace(xlsx, "xl/worksheets/sheet9.xml", out -> {
        });
        String contentTypes = new String(unzip(moved, "[Content_Types].xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("/xl/styles.xml", "/xl/worksheets/sheet9.xml");
        String rels = new String(unzip(moved, "xl/_rels/workbook.xml.rels"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("styles.xml", "worksheets/sheet9.xml");
        byte[] styles = unzip(moved, "xl/styles.xml");
        moved = HostileWorkbooks.replace(moved, "[Content_Types].xml", out -> write(out, contentTypes.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        moved = HostileWorkbooks.replace(moved, "xl/_rels/workbook.xml.rels", out -> write(out, rels.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        moved = HostileWorkbooks.replace(moved, "xl/worksheets/sheet9.xml", out -> write(out, styles));
        refusedQuicklyAndFlat(moved, SMALL, "xl/worksheets/sheet9.xml", "cannot serve as");
    }

    @Test
    void hostileSheetXmlIsA400NotA500() throws Exception {
        String[] sheets = {
                "<row r=\"x\"><c r=\"A1\" t=\"inlineStr\"><is><t>student_id</t></is></c></row>",
                "<row r=\"1\"><c r=\"A1\" s=\"-7\"><v>1</v></c></row>",
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99999</v></c></row>",
                "<row r=\"1\"><c r=\"ZZZZZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "x".repeat(40_000) + "</t></is></c></row>"};
        for (String rows : sheets) {
            String xml = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                    + "2006/main\"><sheetData>" + rows + "</sheetData></worksheet>";
            byte[] xlsx = HostileWorkbooks.replace(HostileWorkbooks.workbook(ROWS), "xl/worksheets/sheet1.xml",
                    out -> write(out, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> read(xlsx, SMALL)).as(rows.substring(0, 40))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.type().slug()).isEqualTo("invalid-xlsx"));
        }
    }

    @Test
    void aDamagedZipIsA400() throws Exception {
        byte[] xlsx = HostileWorkbooks.workbook(ROWS);
        byte[] truncated = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
        assertThatThrownBy(() -> read(truncated, SMALL)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.type().slug()).isEqualTo("invalid-xlsx"));
    }

    private void refusedQuicklyAndFlat(byte[] xlsx, XlsxGuard.Limits limits, String part, String reason)
            throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "hostile", ".xlsx"), xlsx);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> XlsxReader.read(file, limits, h -> {
        }, r -> {
        })).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.type().slug()).isEqualTo("invalid-xlsx");
            assertThat(e.getMessage()).contains(reason);
            if (part != null) {
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.column()).isEqualTo(part);
                    assertThat(p.reason()).contains(reason);
                });
            }
        });
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long mb = (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20;
        assertThat(millis).as("refused in %d ms", millis).isLessThan(10_000);
        // allocations, not live heap: far less than the part would inflate to, whatever the GC does
        assertThat(mb).as("allocated %d MB while refusing", mb).isLessThan(Math.max(48, limits.maxSharedStrings() / 8_000));
    }

    private List<CsvReader.Row> read(byte[] xlsx, XlsxGuard.Limits limits) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "wb", ".xlsx"), xlsx);
        List<CsvReader.Row> rows = new ArrayList<>();
        XlsxReader.read(file, limits, h -> {
        }, rows::add);
        return rows;
    }

    private static byte[] unzip(byte[] zip, String part) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(part)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalArgumentException(part);
    }

    private static void write(java.io.OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
