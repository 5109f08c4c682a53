package ru.workready.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds of this JVM and of a PostgreSQL server's processes (from /proc), so that a bench can say where a
 * wall time went on a machine it shares. The server is the embedded one of {@code dataDir}, or the one whose
 * {@code postmaster.pid} the property {@code workready.bench.postgres-pid-file} names (an external PostgreSQL).
 */
public final class Cpu {
    private Cpu() {
    }

    public static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** User + system CPU of the postmaster and its children (backends, workers); NaN when unknown. */
    public static double postgresSeconds(Path dataDir) {
        Path pidFile = Path.of(System.getProperty("workready.bench.postgres-pid-file",
                dataDir.resolve("postmaster.pid").toString()));
        try {
            String postmaster = Files.readAllLines(pidFile).get(0).strip();
            double ticks = 0;
            try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (var dir : dirs) {
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (f[1].equals(postmaster) || dir.getFileName().toString().equals(postmaster)) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks / 100.0; // USER_HZ
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Milliseconds the JIT has spent compiling, and the collectors collecting, since the JVM started. */
    public static long[] jitAndGcMillis() {
        long gc = 0;
        for (var c : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, c.getCollectionTime());
        }
        return new long[] {java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc};
    }

    /** CPU nanoseconds of every live Java thread, by id (threads the JVM runs natively, JIT and GC, are not in it). */
    public static java.util.Map<Long, Long> threads() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /** The Java threads that spent most CPU since {@code before}, and what the JVM spent outside them (JIT, GC). */
    public static String threadsSince(java.util.Map<Long, Long> before, double jvmSecondsBefore) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        long javaThreads = 0;
        for (var e : threads().entrySet()) {
            long spent = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            var info = mx.getThreadInfo(e.getKey());
            if (spent > 0 && info != null) {
                byName.merge(info.getThreadName().replaceAll("-\\d+$", "-N"), spent, Long::sum);
                javaThreads += spent;
            }
        }
        StringBuilder s = new StringBuilder();
        byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> s.append(String.format(java.util.Locale.ROOT, "%s %.2f s, ", e.getKey(), e.getValue() / 1e9)));
        return s.append(String.format(java.util.Locale.ROOT, "outside Java threads (JIT, GC) %.2f s",
                jvmSeconds() - jvmSecondsBefore - javaThreads / 1e9)).toString();
    }

    /**
     * CPU seconds of this process's threads by the kernel's name for them (/proc/self/task), digits folded: the JVM's
     * own threads (compilers, collectors, the VM thread) are there too, which the MXBeans do not see.
     */
    public static java.util.Map<String, Double> tasks() {
        java.util.Map<String, Double> cpu = new java.util.HashMap<>();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (var dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    cpu.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    /** The JVM's own threads (not Java threads) that spent most CPU since {@code before}, from {@link #tasks}. */
    public static String jvmTasksSince(java.util.Map<String, Double> before) {
        StringBuilder s = new StringBuilder();
        tasks().entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.01 && (e.getKey().contains("Compiler") || e.getKey().startsWith("G1")
                        || e.getKey().startsWith("GC ") || e.getKey().startsWith("VM ") || e.getKey().contains("Sweeper")))
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> s.append(s.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.2f s",
                        e.getKey(), e.getValue())));
        return s.toString();
    }
}
