package ru.workready.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;

/** A node whose worker pool is dead says so: health DOWN, so that it is restarted or taken out of the balancer. */
class WorkerPoolsHealthTest extends ApiTest {
    @Autowired
    MockMvc mvc;

    @Test
    void aDeadPoolMakesTheNodeDown() {
        ExecutorService uploads = Executors.newSingleThreadExecutor();
        ExecutorService rescoring = Executors.newFixedThreadPool(2);
        WorkerPoolsHealthIndicator health = new WorkerPoolsHealthIndicator(Map.of("uploads", uploads,
                "rescoring", rescoring));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        rescoring.shutdownNow();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("rescoring", "shut down")
                .containsEntry("uploads", "running");
        uploads.shutdownNow();
    }

    @Test
    void theRunningNodeReportsItsPools() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.workerPools.status").value("UP"))
                .andExpect(jsonPath("$.components.workerPools.details.uploads").value("running"))
                .andExpect(jsonPath("$.components.workerPools.details.rescoring").value("running"))
                .andExpect(jsonPath("$.components.workerPools.details.uploadHeartbeat").value("running"));
    }
}
