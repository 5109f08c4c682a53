package ru.workready.api.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery of an embedded data folder after the app was killed (kill -9, OOM killer, power loss).
 * The embedded PostgreSQL runs as its own daemon: a killed app leaves it running, holding
 * {@code postmaster.pid}, and the next start waits for it and fails. A stale pid file whose
 * process is gone can also name a pid reused by another process (common in containers).
 *
 * <p>The data folder's {@code epg-lock} is held by the JVM that owns the database: if we can take
 * it, that JVM is dead and any PostgreSQL still running on the folder is an orphan that is safe to
 * stop; if we cannot, another live app uses the folder and we refuse to start.
 */
final class LeftoverPostgres {
    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration SMART_STOP = Duration.ofSeconds(30);

    private LeftoverPostgres() {
    }

    static void recover(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("The embedded database in " + dataDir
                        + " is in use by another running application; stop it or set workready.embedded.data-dir");
            }
            Optional<ProcessHandle> postmaster = postmaster(pidFile);
            if (postmaster.isPresent()) {
                stop(postmaster.get(), dataDir);
            }
            // PostgreSQL removes its pid file on a clean stop; what remains is stale.
            if (Files.deleteIfExists(pidFile)) {
                log.warn("Removed a stale postmaster.pid from {} left by a crashed run", dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + dataDir + " for a PostgreSQL left running", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM: an embedded database already started here
        }
    }

    /** The process named on the pid file's first line, if it is still alive and is a postgres. */
    static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false));
    }

    private static void stop(ProcessHandle postmaster, Path dataDir) {
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a crashed run", postmaster.pid(), dataDir);
        // SIGTERM is PostgreSQL's smart shutdown: the dead app's sessions are gone, so it stops at
        // once and cleanly (checkpoint, no recovery needed on the next start).
        postmaster.destroy();
        try {
            postmaster.onExit().get(SMART_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL {} did not stop in {}; killing it (the next start replays its WAL)",
                    postmaster.pid(), SMART_STOP);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a leftover PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot stop a leftover PostgreSQL", e);
        }
    }
}
