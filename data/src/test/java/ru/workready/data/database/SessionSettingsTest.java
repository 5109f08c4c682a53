package ru.workready.data.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.DataTest;

/** Pooled sessions run without JIT: it cost region-scale employer queries ten times their run time. */
class SessionSettingsTest extends DataTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPooledSessionHasJitOff() {
        for (int i = 0; i < 3; i++) {
            assertThat(jdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
        }
    }
}
