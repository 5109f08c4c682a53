package ru.workready.data.assessments;


import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import ru.workready.data.scoring.RescoringProperties;

/** The executor of large uploads and the job that rescores students marked stale by uploads. */
@Configuration
@EnableScheduling
class IngestionConfiguration {

    /** One upload at a time per node: ingestion is I/O- and database-bound, parallel uploads only contend. */
    @Bean
    ThreadPoolTaskExecutor uploadExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("upload-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(60);
        return executor;
    }

    /** Rescores stale students in batches, so that stored scores catch up with large uploads (every node). */
    @Component
    @ConditionalOnBooleanProperty(name = "workready.rescoring.stale-scores.enabled", matchIfMissing = true)
    static class StaleScoreJob implements SchedulingConfigurer {
        private final StaleScoreWork work;
        private final Duration every;

        StaleScoreJob(StaleScoreWork work, RescoringProperties settings) {
            this.work = work;
            this.every = settings.staleScores().every();
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::rescoreStale, every, Duration.ofSeconds(5)));
        }

        void rescoreStale() {
            work.run();
        }
    }
}
