package ru.workready.api.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;

/** Student roster uploads: new and updated students, consent, every rejection reason. */
class RosterUploadTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;

    @Test
    void studentsAreAddedThenUpdatedInAnyFormat() throws Exception {
        IngestionFixture f = IngestionFixture.create(programmes, students, "ROS", 0);
        String csv = """
                student_id;programme;group;last_name;first_name;middle_name;employer_consent;consent_date
                %1$s-1;09.02.07;ИСП-24-1;Иванова;Мария;Петровна;да;01.09.2026
                %1$s-2;09.02.07;ИСП-24-1;;;;нет;
                %1$s-3;09.02.07;ИСП-24-2;;;;;
                """.formatted(f.college);
        mvc.perform(post("/api/colleges/" + f.college + "/students").contentType("text/csv")
                        .content(csv.getBytes(Charset.forName("windows-1251"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("STUDENTS"))
                .andExpect(jsonPath("$.encoding").value("windows-1251"))
                .andExpect(jsonPath("$.countsByKind.NEW").value(3));
        StudentRepository.Student maria = students.find(f.college + "-1").orElseThrow();
        assertThat(maria.employerConsent()).isTrue();
        assertThat(maria.consentDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(maria.groupCode()).isEqualTo("ИСП-24-1");
        assertThat(jdbc.sql("select last_name || ' ' || first_name from student where id = ?").param(maria.id())
                .query(String.class).single()).isEqualTo("Иванова Мария");

        byte[] xlsx = IngestionFixture.xlsx(List.of(
                Arrays.asList("student_id", "programme", "intake_year", "group", "employer_consent", "consent_date"),
                Arrays.asList(f.college + "-2", "09.02.07", 2023, "ИСП-24-3", "yes", LocalDate.of(2026, 10, 1)),
                Arrays.asList(f.college + "-4", "09.02.07", null, "ИСП-24-3", null, null)));
        mvc.perform(post("/api/colleges/" + f.college + "/students")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").content(xlsx))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.countsByKind.NEW").value(1))
                .andExpect(jsonPath("$.countsByKind.UPDATED").value(1));
        StudentRepository.Student second = students.find(f.college + "-2").orElseThrow();
        assertThat(second.groupCode()).isEqualTo("ИСП-24-3");
        assertThat(second.employerConsent()).isTrue();
        assertThat(second.consentDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(jdbc.sql("select student_id || ':' || consented || ':' || decided_on from employer_consent_event "
                        + "where student_id like ? order by id").param(f.college + "-%").query(String.class).list())
                .containsExactly(f.college + "-1:true:2026-09-01", f.college + "-2:true:2026-10-01");
    }

    @Test
    void aBadRosterIsRefusedWhole() throws Exception {
        IngestionFixture f = IngestionFixture.create(programmes, students, "ROB", 0);
        String json = """
                [{"student_id": "%1$s-1", "programme": "09.02.07", "employer_consent": "да"},
                 {"student_id": "%1$s-2", "programme": "99.99.99"},
                 {"student_id": "DEMO-001", "programme": "09.02.07"},
                 {"student_id": "%1$s-4", "programme": "09.02.07", "employer_consent": "может быть"},
                 {"student_id": "%1$s-5", "programme": "09.02.07", "intake_year": "прошлый"},
                 {"student_id": "%1$s-6", "programme": "09.02.07"},
                 {"student_id": "%1$s-6", "programme": "09.02.07"},
                 {"programme": "09.02.07"}]
                """.formatted(f.college);
        mvc.perform(post("/api/colleges/" + f.college + "/students").contentType("application/json")
                        .content(json.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-student-file"))
                .andExpect(jsonPath("$.problemCount").value(8))
                .andExpect(jsonPath("$.problems[0].row").value(1))
                .andExpect(jsonPath("$.problems[0].column").value("consent_date"))
                .andExpect(jsonPath("$.problems[1].column").value("programme"))
                .andExpect(jsonPath("$.problems[2].reason").value("a new student's id must start with " + f.college + "-"))
                .andExpect(jsonPath("$.problems[3].column").value("employer_consent"))
                .andExpect(jsonPath("$.problems[4].column").value("intake_year"))
                .andExpect(jsonPath("$.problems[5].reason").value("listed more than once in the file"))
                .andExpect(jsonPath("$.problems[6].row").value(7))
                .andExpect(jsonPath("$.problems[7].column").value("student_id"));
        assertThat(students.byCollege(f.college)).isEmpty();
        assertThat(students.find("DEMO-001").orElseThrow().collegeCode()).isEqualTo("DEMO");
    }
}
