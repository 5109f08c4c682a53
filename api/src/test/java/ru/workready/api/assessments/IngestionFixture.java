package ru.workready.api.assessments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.ClassPathResource;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.programmes.Programme;
import tools.jackson.databind.json.JsonMapper;

/** A college of its own for each test class (the demo college stays as other tests expect it). */
final class IngestionFixture {
    final String college;
    final long collegeId;
    final long programmeId;

    private IngestionFixture(String college, long collegeId, long programmeId) {
        this.college = college;
        this.collegeId = collegeId;
        this.programmeId = programmeId;
    }

    static IngestionFixture create(ProgrammeRepository programmes, StudentRepository students, String prefix,
                                   int count) {
        String code = prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        long collegeId = programmes.insertCollege(code, "Тестовый колледж " + code, "Тест");
        Programme programme;
        try (InputStream in = new ClassPathResource("demo/programme-09.02.07.json").getInputStream()) {
            programme = JsonMapper.builder().build().readValue(in, Programme.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long programmeId = programmes.insert(collegeId, programme);
        List<StudentRepository.Student> roster = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            roster.add(new StudentRepository.Student(code + "-" + i, collegeId, code, programmeId, "ГР-1", false, null));
        }
        students.insertAll(roster);
        return new IngestionFixture(code, collegeId, programmeId);
    }

    String student(int i) {
        return college + "-" + i;
    }

    /** An XLSX workbook whose first sheet holds the rows; cells that look like dates become date cells. */
    static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Результаты");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v == null) {
                        continue;
                    }
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
