package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.LogSafe;
import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.store.ImportRuntime;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Instances sharing a database must share the inbox too: an upload lands in the inbox of the instance that took
 * it, and whichever instance restarts or takes the import over must find the file. At start-up each instance
 * checks that it may write the inbox, and compares the inbox's identity (a marker file written once) with the one
 * the database remembers from the first instance: a different one means this instance sees another folder.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SharedInbox {

    private static final Logger LOG = Logger.getLogger(SharedInbox.class.getName());
    static final String MARKER = ".badgeworks-inbox";

    @Inject
    ImportRuntime runtime;

    private volatile boolean shared = true;

    /** False when this instance sees another inbox than the first instance: it then takes no import over. */
    public boolean shared() {
        return shared;
    }

    @PostConstruct
    void check() {
        Path inbox = ImportFiles.fromSettings().inbox();
        try {
            Files.createDirectories(inbox);
            String mine = identity(inbox);
            try {
                runtime.recordFactOnce("inbox", mine);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Another instance recorded the inbox first: " + LogSafe.text(e));
            }
            String theirs = runtime.fact("inbox").orElse(mine);
            if (!theirs.equals(mine)) {
                this.shared = false;
                LOG.warning(() -> "The inbox " + inbox + " is not the one other instances on this database use"
                        + " (identity " + mine + ", theirs " + theirs + "): put BADGEWORKS_INBOX_DIR on storage every"
                        + " instance shares, or imports uploaded to one cannot be restarted or resumed by another;"
                        + " this instance resumes no other instance's import");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "The inbox " + inbox + " cannot be written (" + LogSafe.text(e) + "): uploads and the nightly scan"
                    + " will fail on this instance");
        }
    }

    private static String identity(Path inbox) throws IOException {
        Path marker = inbox.resolve(MARKER);
        try {
            Files.writeString(marker, UUID.randomUUID().toString(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // written by an earlier start or another instance: that identity is the folder's
        }
        return Files.readString(marker, StandardCharsets.UTF_8).trim();
    }
}
