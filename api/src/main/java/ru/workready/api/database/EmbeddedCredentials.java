package ru.workready.api.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded database's roles, generated at its first start (or at the start
 * that secures a data folder of an earlier version) and kept in {@code credentials} beside the data
 * folder ({@code .workready/credentials}), readable by its owner only. They are never logged, and
 * never sent to the server in clear (see {@link EmbeddedRoles}).
 */
final class EmbeddedCredentials {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);
    static final String FILE_NAME = "credentials";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String superuserPassword;
    private final String appPassword;

    private EmbeddedCredentials(Path file, String superuserPassword, String appPassword) {
        this.file = file;
        this.superuserPassword = superuserPassword;
        this.appPassword = appPassword;
    }

    /** The file of the data folder {@code dataDir}: in its parent. */
    static Path fileOf(Path dataDir) {
        return dataDir.toAbsolutePath().getParent().resolve(FILE_NAME);
    }

    /**
     * Reads the data folder's passwords, or — when {@code mayCreate} (the folder does not use them
     * yet) and there are none — generates them and writes the file.
     */
    static EmbeddedCredentials forDataDir(Path dataDir, boolean mayCreate) {
        Path file = fileOf(dataDir);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            if (!mayCreate) {
                throw new IllegalStateException("The embedded database in " + dataDir + " takes passwords that were kept in "
                        + file + ", which is missing. Restore it from the backup of the data folder, or, to set new"
                        + " passwords, replace " + dataDir.resolve("pg_hba.conf") + " by the one line"
                        + " \"host all all 127.0.0.1/32 trust\" and start again (docs/operations.md, \"Database roles\").");
            }
            return create(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    String superuserPassword() {
        return superuserPassword;
    }

    String appPassword() {
        return appPassword;
    }

    Path file() {
        return file;
    }

    private static EmbeddedCredentials read(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("{} was readable by others; made it readable by its owner only", file);
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String superuser = p.getProperty(EmbeddedRoles.SUPERUSER);
        String app = p.getProperty(EmbeddedRoles.APP);
        if (superuser == null || superuser.isBlank() || app == null || app.isBlank()) {
            throw new IllegalStateException(file + " lacks the password of " + EmbeddedRoles.SUPERUSER + " or "
                    + EmbeddedRoles.APP);
        }
        return new EmbeddedCredentials(file, superuser, app);
    }

    private static EmbeddedCredentials create(Path file) throws IOException {
        EmbeddedCredentials credentials = new EmbeddedCredentials(file, newPassword(), newPassword());
        Files.createDirectories(file.getParent());
        // written beside, owner-only from its creation, then moved into place: never a half-written file
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
        }
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write("# Passwords of the embedded PostgreSQL whose data folder is beside this file, generated at its"
                    + " first start.\n"
                    + "# Keep this file private and back it up with the data folder: the database takes no other.\n"
                    + EmbeddedRoles.SUPERUSER + "=" + credentials.superuserPassword + "\n"
                    + EmbeddedRoles.APP + "=" + credentials.appPassword + "\n");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        log.info("Generated the passwords of the embedded database's roles into {}", file);
        return credentials;
    }

    /** A new temporary file in {@code dir} that only its owner can read (where the file system knows owners). */
    static Path ownerOnlyTempFile(Path dir, String prefix) throws IOException {
        return posix()
                ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, prefix, ".tmp");
    }

    /** 256 random bits, base64url: nothing to quote anywhere. */
    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[" + file + "]"; // never the passwords
    }
}
