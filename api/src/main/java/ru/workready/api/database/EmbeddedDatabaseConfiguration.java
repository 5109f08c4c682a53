package ru.workready.api.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the app runs on an embedded PostgreSQL whose data
 * survives restarts in {@code workready.embedded.data-dir}. (A matchIfMissing property
 * condition also matches when the URL is set, hence the expression.) A PostgreSQL left over by a
 * crashed run is stopped first (see {@link LeftoverPostgres}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${workready.embedded.data-dir:.workready/pgdata}") String dataDir,
                                      @Value("${workready.embedded.port:0}") int port) throws IOException {
        return start(Path.of(dataDir), port);
    }

    /** Pooled: the embedded instance hands out a plain DataSource that would fork a backend per request. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg) {
        // not new HikariDataSource(config): that starts the pool at once, before session settings apply
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("embedded");
        pool.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(10);
        return pool;
    }

    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir.getParent());
        LeftoverPostgres.recover(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // stopped as a bean, after the graceful shutdown (uploads drained, pool closed); zonky's own
                // JVM hook would stop it at SIGTERM, under the feet of the uploads still finishing
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }
}
