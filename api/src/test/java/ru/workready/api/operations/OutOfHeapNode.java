package ru.workready.api.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for issue 19's deaf node, run in a child JVM by {@link OutOfMemoryExitTest}: a worker thread (as
 * Tomcat's poller was) runs out of heap and dies, while the main thread lives on as if nothing happened.
 */
public final class OutOfHeapNode {
    private OutOfHeapNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            List<long[]> held = new ArrayList<>();
            while (true) {
                held.add(new long[1 << 20]);
            }
        }, "poller");
        worker.start();
        worker.join();
        System.out.println("worker died; the node is still up");
        Thread.sleep(60_000);
    }
}
