package ru.workready.data.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings every pooled session gets, whichever pool it is (Boot's, the primary/replica pair, the
 * embedded one). JIT is off by default: PostgreSQL's cost model turns it on for the employer and
 * report queries over a region, where compiling the plan took 480 of 540 ms for a college's
 * aggregate on PostgreSQL 15 (57 ms without). Set {@code workready.database.jit=on} to keep the
 * server's own setting.
 */
@Configuration(proxyBeanMethods = false)
public class SessionSettings {

    @Bean
    static BeanPostProcessor sessionSettingsForPools(ObjectProvider<DatabaseProperties> settings) {
        // a provider: a post-processor is made before the settings are bound, the pools after
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && !"on".equalsIgnoreCase(settings.getObject().jit())
                        && pool.getConnectionInitSql() == null && !pool.isRunning()) {
                    pool.setConnectionInitSql("set jit = off");
                }
                return bean;
            }
        };
    }
}
