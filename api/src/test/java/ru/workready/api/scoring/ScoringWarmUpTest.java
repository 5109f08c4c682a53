package ru.workready.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.ApiTest;
import ru.workready.data.scoring.ScoringWarmUp;

/** The start-up warm-up scores made-up students against the demo's mapped programme, in memory: nothing is stored. */
class ScoringWarmUpTest extends ApiTest {
    @Autowired
    ScoringWarmUp warmUp;
    @Autowired
    JdbcClient jdbc;

    @Test
    void scoresMadeUpStudentsAndStoresNothing() {
        long scores = jdbc.sql("select count(*) from readiness_score").query(Long.class).single();
        assertThat(warmUp.run(300)).isEqualTo(300);
        assertThat(jdbc.sql("select count(*) from readiness_score").query(Long.class).single()).isEqualTo(scores);
        assertThat(jdbc.sql("select count(*) from readiness_score where student_id like 'warm-up-%'")
                .query(Long.class).single()).isZero();
    }
}
