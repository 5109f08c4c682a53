package ru.workready.data.trainingorder;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** No graduate outcomes recorded: every employed-in-specialty share falls back to the default. */
@Configuration
class NoEmploymentOutcomes {
    @Bean
    @ConditionalOnMissingBean(EmploymentShares.class)
    EmploymentShares defaultEmploymentShares() {
        return (college, fgosCode) -> Optional.empty();
    }
}
