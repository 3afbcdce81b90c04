package dev.badgeworks.imports.control;

import dev.badgeworks.platform.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The inbox layout: {@code <inbox>/<orgId>/} takes new files; a file being imported sits in
 * {@code processing/}, then moves to {@code done/} or {@code failed/} with its report and rejects beside it.
 * Files ending in .part or .tmp, hidden files, and files changed within the quiet period are still being
 * written and are left alone.
 */
public final class ImportFiles {

    public static final String PROCESSING = "processing";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    private static final List<String> SERVICE_FOLDERS = List.of(PROCESSING, DONE, FAILED);
    public static final String REPORT = ".report.json";
    public static final String REJECTS = ".rejects.csv";

    private final Path inbox;
    private final Duration quietPeriod;

    public ImportFiles(Path inbox, Duration quietPeriod) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.quietPeriod = quietPeriod;
    }

    public static ImportFiles fromSettings() {
        return new ImportFiles(Settings.inboxDir(),
                Duration.ofSeconds(Long.parseLong(Settings.get("badgeworks.import.quiet.seconds", "30"))));
    }

    public Path inbox() {
        return inbox;
    }

    public Path orgInbox(long orgId) throws IOException {
        return Files.createDirectories(inbox.resolve(Long.toString(orgId)));
    }

    public Path folder(long orgId, String name) throws IOException {
        return Files.createDirectories(orgInbox(orgId).resolve(name));
    }

    /**
     * A path a client named, if it is a regular file inside the org's inbox (never elsewhere on the server) and
     * not in one of the service's own folders: a file being imported, or an earlier import's archived file,
     * report or rejects, is no new file (importing one moved another import's file away).
     */
    public Optional<Path> resolveInOrgInbox(long orgId, String relative) throws IOException {
        Path root = orgInbox(orgId);
        Path resolved;
        try {
            resolved = root.resolve(relative).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Optional.empty(); // characters this file system cannot name: no file of the org has them
        }
        if (!resolved.startsWith(root) || resolved.equals(root) || isServiceFolder(root.relativize(resolved))
                || !isOwnRegularFile(root, resolved)) {
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    /** processing/, done/ or failed/ (in any case: a file system may not tell DONE from done). */
    private static boolean isServiceFolder(Path relative) {
        String first = relative.getName(0).toString();
        return relative.getNameCount() > 1 && SERVICE_FOLDERS.stream().anyMatch(first::equalsIgnoreCase);
    }

    /**
     * Whether a file in the org's inbox is complete: its own regular file, not hidden, untouched for the quiet
     * period.
     */
    public boolean isComplete(long orgId, Path file, Instant now) throws IOException {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")
                || !isOwnRegularFile(orgInbox(orgId), file)) {
            return false;
        }
        return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(now.minus(quietPeriod));
    }

    /**
     * A regular file that is no symbolic link and whose real path (every directory link on the way resolved) lies
     * inside the org's inbox: a link to /proc/self/environ, /etc/passwd or another org's folder is not a file of
     * this org, and moving it would move the target.
     */
    private static boolean isOwnRegularFile(Path root, Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return file.toRealPath().startsWith(root.toRealPath());
    }

    /**
     * Moves a file into {@code folder} under a name prefixed with the import id. An atomic rename: of several
     * instances scanning a shared inbox, exactly one gets the file.
     */
    public Path moveTo(Path file, long orgId, String folder, String importId, String fileName) throws IOException {
        Path target = folder(orgId, folder).resolve(importId + "-" + fileName);
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The file of an import whose end is not recorded, at its recorded path. A finish that crashed after moving
     * the file to done/ or failed/ but before recording the end left it there: it is moved back, so the import
     * can finish again. Empty when the file is nowhere.
     */
    public Optional<Path> reclaim(long orgId, Path recorded) throws IOException {
        if (Files.isRegularFile(recorded, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(recorded);
        }
        for (String folder : new String[] {DONE, FAILED}) {
            Path moved = folder(orgId, folder).resolve(recorded.getFileName());
            if (Files.isRegularFile(moved, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(Files.move(moved, recorded, StandardCopyOption.ATOMIC_MOVE));
            }
        }
        return Optional.empty();
    }

    /** Removes the report and rejects file named after {@code base} from {@code folder}, if they are there. */
    public void deleteReports(long orgId, String folder, String base) throws IOException {
        Path dir = folder(orgId, folder);
        Files.deleteIfExists(dir.resolve(base + REPORT));
        Files.deleteIfExists(dir.resolve(base + REJECTS));
    }
}
