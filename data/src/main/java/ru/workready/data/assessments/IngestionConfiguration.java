package ru.workready.data.assessments;


import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

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
    @ConditionalOnProperty(name = "workready.rescore.job.enabled", havingValue = "true", matchIfMissing = true)
    static class StaleScoreJob {
        private final StaleScoreWork work;

        StaleScoreJob(StaleScoreWork work) {
            this.work = work;
        }

        @Scheduled(fixedDelayString = "${workready.rescore.job.delay-ms:2000}", initialDelay = 5000)
        void rescoreStale() {
            work.run();
        }
    }
}
