package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.LogSafe;
import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The inbox folders: every complete .csv/.jsonl file an org drops there becomes an import (files still being
 * written, and other files, are left alone). Run by the nightly scheduler and on request.
 */
@ApplicationScoped
public class InboxScan {

    private static final Logger LOG = Logger.getLogger(InboxScan.class.getName());

    @Inject
    ImportService imports;

    /** Every complete file in every org's inbox folder becomes an import. */
    public List<ImportJob> scanInbox() {
        List<ImportJob> started = new ArrayList<>();
        Path inbox = ImportFiles.fromSettings().inbox();
        if (!Files.isDirectory(inbox)) {
            return started;
        }
        try (DirectoryStream<Path> orgs = Files.newDirectoryStream(inbox,
                p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path org : orgs) {
                started.addAll(scanInbox(Long.parseLong(org.getFileName().toString())));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot scan the inbox " + inbox, LogSafe.failure(e));
        }
        return started;
    }

    public List<ImportJob> scanInbox(long orgId) {
        List<ImportJob> started = new ArrayList<>();
        ImportFiles files = ImportFiles.fromSettings();
        Instant now = Instant.now();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files.orgInbox(orgId))) {
            for (Path file : entries) {
                if (!files.isComplete(orgId, file, now)) {
                    continue;
                }
                if (ImportFormat.ofFileName(file.getFileName().toString()).isEmpty()) {
                    LOG.warning(() -> "Inbox file " + LogSafe.text(file)
                            + " is neither .csv nor .jsonl/.ndjson: left alone");
                    continue;
                }
                try {
                    started.add(imports.fromInbox(orgId, file.getFileName().toString(), "INBOX"));
                } catch (ApiException e) {
                    LOG.warning(() -> "Inbox file " + LogSafe.text(file) + " not imported: "
                            + LogSafe.text(e.getMessage()));
                } catch (UncheckedIOException e) {
                    LOG.log(Level.WARNING, "Inbox file " + LogSafe.text(file)
                            + " not imported (another instance took it?)", LogSafe.failure(e));
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot scan the inbox of org " + orgId, LogSafe.failure(e));
        }
        return started;
    }
}
