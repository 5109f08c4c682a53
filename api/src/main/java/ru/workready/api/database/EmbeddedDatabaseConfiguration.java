package ru.workready.api.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.workready.data.database.DatabaseRoles;

/**
 * With no {@code spring.datasource.url}, the app runs on an embedded PostgreSQL whose data
 * survives restarts in {@code workready.embedded.data-dir}. (A matchIfMissing property
 * condition also matches when the URL is set, hence the expression.) A PostgreSQL left over by a
 * crashed run is stopped first (see {@link LeftoverPostgres}). Every connection needs a password;
 * the pool connects as {@code workready_app}, Liquibase as the superuser (see {@link EmbeddedRoles}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedProperties settings) throws IOException {
        return start(Path.of(settings.dataDir()), settings.port());
    }

    /** Pooled: the embedded instance hands out a plain DataSource that would fork a backend per request. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg, EmbeddedProperties settings) {
        // not new HikariDataSource(config): that starts the pool at once, before session settings apply
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("embedded");
        pool.setJdbcUrl(jdbcUrl(pg));
        pool.setUsername(EmbeddedRoles.APP);
        pool.setPassword(EmbeddedCredentials.forDataDir(Path.of(settings.dataDir()), false).appPassword());
        pool.setMaximumPoolSize(10);
        return pool;
    }

    /** Migrations (and the ownership they end with) run as the superuser; not a candidate for anything else. */
    @Bean(defaultCandidate = false)
    @LiquibaseDataSource
    DataSource liquibaseDataSource(EmbeddedPostgres pg, EmbeddedProperties settings) {
        return DatabaseRoles.direct(jdbcUrl(pg), EmbeddedRoles.SUPERUSER,
                EmbeddedCredentials.forDataDir(Path.of(settings.dataDir()), false).superuserPassword());
    }

    static String jdbcUrl(EmbeddedPostgres pg) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + EmbeddedRoles.DATABASE;
    }

    /**
     * Starts the database on {@code dataDir} with its roles and passwords set up. A new folder is
     * created with password authentication from the first (initdb's superuser password from a
     * file readable by its owner only, deleted once read); a folder of an earlier version (trust)
     * is switched over by {@link EmbeddedRoles#secure}.
     */
    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir.getParent());
        LeftoverPostgres.recover(dir);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        EmbeddedCredentials credentials = EmbeddedCredentials.forDataDir(dir, fresh || !EmbeddedRoles.secured(dir));
        EmbeddedPostgres pg = fresh ? initAndStart(builder(dir, port, credentials), dir, credentials)
                : builder(dir, port, credentials).start();
        try {
            EmbeddedRoles.secure(pg, dir, credentials);
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
        log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    private static EmbeddedPostgres.Builder builder(Path dir, int port, EmbeddedCredentials credentials) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // zonky checks that the server is up by logging in as the superuser
                .setConnectConfig("password", credentials.superuserPassword())
                // stopped as a bean, after the graceful shutdown (uploads drained, pool closed); zonky's own
                // JVM hook would stop it at SIGTERM, under the feet of the uploads still finishing
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /** A new folder: initdb with password authentication from the start, its password file deleted once read. */
    private static EmbeddedPostgres initAndStart(EmbeddedPostgres.Builder builder, Path dir,
                                                 EmbeddedCredentials credentials) throws IOException {
        // zonky runs initdb with -A trust; its "locale" options follow and override that (--auth)
        Path pwfile = EmbeddedCredentials.ownerOnlyTempFile(dir.getParent(), "initdb-");
        try {
            Files.writeString(pwfile, credentials.superuserPassword() + "\n");
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString())
                    // between initdb and the server's start: no reload needed afterwards
                    .setDataDirectoryCustomizer(d -> EmbeddedRoles.writeHba(d.toPath()));
            return builder.start();
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }
}
