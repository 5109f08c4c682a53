package ru.workready.data.replica;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Optional streaming replica: with {@code workready.replica.url} set (and an external primary in
 * {@code spring.datasource.url}), transactions declared {@code @Transactional(readOnly = true)}
 * run on the replica; everything else — writes, Liquibase, reads outside a read-only transaction —
 * on the primary.
 *
 * <p>Read-your-writes rule: a replica lags the primary (milliseconds usually, seconds under bulk
 * load, indefinitely if replay is paused), so a read-only transaction may not yet see what was just
 * committed. Only work that tolerates that (employer aggregates, cohort and gap reports) may be
 * read-only; a request that must see its own write reads it in a read-write transaction.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isBlank() and !'${workready.replica.url:}'.isBlank()")
public class ReplicaRoutingConfiguration {

    @Bean(destroyMethod = "close", defaultCandidate = false)
    HikariDataSource primaryDataSource(DataSourceProperties properties) {
        HikariDataSource ds = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        ds.setPoolName("primary");
        return ds;
    }

    @Bean(destroyMethod = "close", defaultCandidate = false)
    HikariDataSource replicaDataSource(DataSourceProperties properties, ReplicaProperties replica) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("replica");
        ds.setJdbcUrl(replica.url());
        ds.setUsername(replica.username().isBlank() ? properties.determineUsername() : replica.username());
        ds.setPassword(replica.password().isBlank() ? properties.determinePassword() : replica.password());
        ds.setReadOnly(true);
        return ds;
    }

    @Bean
    @Primary
    DataSource dataSource(@Qualifier("primaryDataSource") HikariDataSource primaryDataSource,
                          @Qualifier("replicaDataSource") HikariDataSource replicaDataSource) {
        return routing(primaryDataSource, replicaDataSource);
    }

    /**
     * The connection is taken lazily, after the transaction manager has marked it read-only or not,
     * so the choice follows the transaction's declaration.
     */
    public static DataSource routing(DataSource primary, DataSource replica) {
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
        proxy.setReadOnlyDataSource(replica);
        return proxy;
    }
}
