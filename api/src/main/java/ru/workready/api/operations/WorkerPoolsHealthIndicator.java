package ru.workready.api.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import ru.workready.data.assessments.UploadHeartbeat;
import ru.workready.data.scoring.RescoreJobs;

/**
 * Health of the pools that do the node's work: uploads in the background, their heartbeat, and rescoring jobs. A
 * pool that has been shut down (a failure, or the node stopping) takes no more work, so the node reports DOWN and its
 * supervisor or load balancer stops sending it requests, instead of it staying up and answering nothing.
 */
@Component("workerPools")
class WorkerPoolsHealthIndicator implements HealthIndicator {
    private final Map<String, ExecutorService> pools;

    @Autowired
    WorkerPoolsHealthIndicator(@Qualifier("uploadExecutor") ThreadPoolTaskExecutor uploads, RescoreJobs rescoring,
                               UploadHeartbeat heartbeat) {
        // the heartbeat too: without it other nodes would fail this node's running uploads after the timeout
        this(Map.of("uploads", uploads.getThreadPoolExecutor(), "rescoring", rescoring.workers(),
                "uploadHeartbeat", heartbeat.executor()));
    }

    WorkerPoolsHealthIndicator(Map<String, ExecutorService> pools) {
        this.pools = new LinkedHashMap<>(pools);
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, ExecutorService> p : pools.entrySet()) {
            boolean alive = !p.getValue().isShutdown();
            up &= alive;
            states.put(p.getKey(), alive ? "running" : "shut down");
        }
        return (up ? Health.up() : Health.down()).withDetails(states).build();
    }
}
