package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A shutdown's drain treats a rehearsal of the upload path (the start-up warm-up) as it treats an upload. */
class UploadsRunningHereTest {

    @Test
    void aDrainWaitsForARunningRehearsal() throws Exception {
        UploadsRunningHere here = new UploadsRunningHere();
        assertThat(here.startRehearsal()).isTrue();
        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(() -> here.drain(Duration.ofSeconds(30),
                id -> { }));
        Thread.sleep(200);
        assertThat(drain).isNotDone();
        assertThat(here.cancelling()).isFalse();
        here.rehearsalDone();
        assertThat(drain.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(here.startRehearsal()).as("no rehearsal starts while stopping").isFalse();
    }

    @Test
    void aRehearsalPastTheGraceIsCancelledAndWaitedFor() throws Exception {
        UploadsRunningHere here = new UploadsRunningHere();
        assertThat(here.startRehearsal()).isTrue();
        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(() -> here.drain(Duration.ZERO, id -> { }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!here.cancelling() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(here.cancelling()).as("the rehearsal's loop stops at its next row").isTrue();
        assertThat(drain).isNotDone();
        here.rehearsalDone();
        assertThat(drain.get(10, TimeUnit.SECONDS)).isZero();
    }
}
