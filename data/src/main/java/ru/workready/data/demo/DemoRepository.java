package ru.workready.data.demo;

import ru.workready.data.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.ProblemType;

/** The demo's footprint: everything it creates is marked (college.demo, region.demo) and goes in one call. */
@Repository
public class DemoRepository {
    /** What a removal took away. */
    public record Removed(List<String> colleges, long students, long employers) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public DemoRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True once the demo was removed: it is not loaded again. */
    public boolean removed() {
        return jdbc.sql("select exists (select 1 from demo_state)").query(Boolean.class).single();
    }

    @Transactional
    public Removed remove() {
        List<String> colleges = jdbc.sql("select code from college where demo order by code").query(String.class).list();
        long students = jdbc.sql("select count(*) from student s join college c on c.id = s.college_id where c.demo")
                .query(Long.class).single();
        long employers = jdbc.sql("select count(*) from employer where region in (select name from region where demo)")
                .query(Long.class).single();
        try {
            jdbc.sql("call remove_demo_data(?)").param(OffsetDateTime.now(clock)).update();
        } catch (DataIntegrityViolationException e) {
            String message = e.getMostSpecificCause().getMessage();
            throw new ConflictException(ProblemType.DEMO_CONFLICT, message == null ? "The demo cannot be removed"
                    : message.replaceFirst("^ERROR: ", "").replaceAll("\\s+Where: .*", ""));
        }
        return new Removed(colleges, students, employers);
    }
}
