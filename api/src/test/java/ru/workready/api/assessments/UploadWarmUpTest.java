package ru.workready.api.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.UploadWarmUp;

/** The start-up warm-up sends made-up rows through the upload path into a table that is rolled back: nothing stays. */
class UploadWarmUpTest extends ApiTest {
    @Autowired
    UploadWarmUp warmUp;
    @Autowired
    JdbcClient jdbc;

    @Test
    void readsChecksAndCopiesMadeUpRowsAndStoresNothing() {
        long evidence = jdbc.sql("select count(*) from evidence").query(Long.class).single();
        long uploads = jdbc.sql("select count(*) from upload").query(Long.class).single();
        assertThat(warmUp.run(5_000)).isEqualTo(5_000);
        assertThat(jdbc.sql("select count(*) from evidence").query(Long.class).single()).isEqualTo(evidence);
        assertThat(jdbc.sql("select count(*) from upload").query(Long.class).single()).isEqualTo(uploads);
        assertThat(jdbc.sql("select count(*) from pg_class where relname = 'warm_up_evidence'").query(Long.class)
                .single()).isZero();
    }
}
