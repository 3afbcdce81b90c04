package dev.badgeworks.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One import of one file. Its counters and its checkpoint (next line, byte offset) change only in the
 * transaction of the chunk they describe (ImportLedger), so they always agree with the earns in the database.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    private String id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "file_path", nullable = false)
    private String filePath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportFormat format;

    @Column(nullable = false)
    private String source;

    /** What the file's rows are; null until the inspection pass has read the file. */
    @Enumerated(EnumType.STRING)
    private ImportKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportStatus status;

    private String message;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "rows_total")
    private Long rowsTotal;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_earned", nullable = false)
    private long rowsEarned;

    /** Activities an activity file recorded (its rows earn nothing themselves: the badges' rules do). */
    @Column(name = "rows_recorded", nullable = false)
    private long rowsRecorded;

    @Column(name = "rows_duplicate", nullable = false)
    private long rowsDuplicate;

    @Column(name = "rows_rejected", nullable = false)
    private long rowsRejected;

    @Column(name = "next_line", nullable = false)
    private long nextLine;

    @Column(name = "next_offset", nullable = false)
    private long nextOffset;

    @Column(name = "created_on_ms", nullable = false)
    private long createdOnMs;

    @Column(name = "started_on_ms")
    private Long startedOnMs;

    @Column(name = "ended_on_ms")
    private Long endedOnMs;

    @Column(name = "heartbeat_on_ms")
    private Long heartbeatOnMs;

    /** The instance that owns the import while it is RUNNING or STOPPING (see ImportLedger.claim). */
    private String owner;

    /** The fencing token: raised by every claim; an owner whose token is no longer current writes nothing. */
    @Column(nullable = false)
    private long fence;

    @Column(name = "lease_until_ms")
    private Long leaseUntilMs;

    @Column(name = "stop_requested", nullable = false)
    private boolean stopRequested;

    /** How often another instance took the import over after its owner's lease ran out. */
    @Column(nullable = false)
    private int takeovers;

    protected ImportJob() {
    }

    public ImportJob(String id, long orgId, String fileName, String filePath, ImportFormat format, String source,
                     long nowMs) {
        this.id = id;
        this.orgId = orgId;
        this.fileName = fileName;
        this.filePath = filePath;
        this.format = format;
        this.source = source;
        this.status = ImportStatus.QUEUED;
        this.createdOnMs = nowMs;
        this.nextLine = 1;
    }

    public void ended(ImportStatus status, String message, String filePath, long nowMs) {
        this.status = status;
        this.message = message;
        this.filePath = filePath;
        this.endedOnMs = nowMs;
    }

    public String id() {
        return id;
    }

    public long orgId() {
        return orgId;
    }

    public String fileName() {
        return fileName;
    }

    public String filePath() {
        return filePath;
    }

    public ImportFormat format() {
        return format;
    }

    public String source() {
        return source;
    }

    public ImportKind kind() {
        return kind;
    }

    public ImportStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public String contentHash() {
        return contentHash;
    }

    public Long executionId() {
        return executionId;
    }

    public Long rowsTotal() {
        return rowsTotal;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsEarned() {
        return rowsEarned;
    }

    public long rowsRecorded() {
        return rowsRecorded;
    }

    public long rowsDuplicate() {
        return rowsDuplicate;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    public long nextLine() {
        return nextLine;
    }

    public long nextOffset() {
        return nextOffset;
    }

    public long createdOnMs() {
        return createdOnMs;
    }

    public Long startedOnMs() {
        return startedOnMs;
    }

    public Long endedOnMs() {
        return endedOnMs;
    }

    public Long heartbeatOnMs() {
        return heartbeatOnMs;
    }

    public String owner() {
        return owner;
    }

    public long fence() {
        return fence;
    }

    public Long leaseUntilMs() {
        return leaseUntilMs;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    public int takeovers() {
        return takeovers;
    }
}
