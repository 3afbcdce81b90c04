package dev.badgeworks.earn.entity;

import dev.badgeworks.badge.entity.OwnerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One earned badge instance of a customer. Its requestId is unique per org (database constraint). */
@Entity
@Table(name = "badge_earn")
public class Earn {

    @Id
    private String id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(name = "badge_id", nullable = false)
    private String badgeId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "enrolment_id")
    private String enrolmentId;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    /** Hash of what the client asked for, to tell a retry (same payload) from a reused requestId. */
    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "earn_event_ms", nullable = false)
    private long earnEventMs;

    @Column(name = "earned_on_ms", nullable = false)
    private long earnedOnMs;

    @Column(name = "expires_on_ms", nullable = false)
    private long expiresOnMs;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type", nullable = false)
    private OwnerType ownerType;

    @Column(name = "owner_reference_id", nullable = false)
    private String ownerReferenceId;

    @Column(name = "revoked_on_ms")
    private Long revokedOnMs;

    @Column(name = "import_id")
    private String importId;

    @Column(name = "import_line")
    private Long importLine;

    protected Earn() {
    }

    public Earn(String id, long orgId, String badgeId, String customerId, String enrolmentId, String requestId,
                String fingerprint, long earnEventMs, long earnedOnMs, long expiresOnMs, OwnerType ownerType,
                String ownerReferenceId) {
        this.id = id;
        this.orgId = orgId;
        this.badgeId = badgeId;
        this.customerId = customerId;
        this.enrolmentId = enrolmentId;
        this.requestId = requestId;
        this.fingerprint = fingerprint;
        this.earnEventMs = earnEventMs;
        this.earnedOnMs = earnedOnMs;
        this.expiresOnMs = expiresOnMs;
        this.ownerType = ownerType;
        this.ownerReferenceId = ownerReferenceId;
    }

    /** Records the import line that created this earn. */
    public Earn from(String importId, Long importLine) {
        this.importId = importId;
        this.importLine = importLine;
        return this;
    }

    /** A detached copy of this active earn at another event date, asked for with {@code fingerprint}. */
    public Earn movedTo(long eventMs, String newFingerprint) {
        return new Earn(id, orgId, badgeId, customerId, enrolmentId, requestId, newFingerprint, eventMs, earnedOnMs,
                expiresOnMs, ownerType, ownerReferenceId).from(importId, importLine);
    }

    /** Whether this earn was written by exactly this import line (seen again after a crash and restart). */
    public boolean writtenBy(String importId, long line) {
        return importId.equals(this.importId) && importLine != null && importLine == line;
    }

    public String importId() {
        return importId;
    }

    public Long importLine() {
        return importLine;
    }

    public boolean active() {
        return revokedOnMs == null;
    }

    public Long revokedOnMs() {
        return revokedOnMs;
    }

    public String id() {
        return id;
    }

    public long orgId() {
        return orgId;
    }

    public String badgeId() {
        return badgeId;
    }

    public String customerId() {
        return customerId;
    }

    public String enrolmentId() {
        return enrolmentId;
    }

    public String requestId() {
        return requestId;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public long earnEventMs() {
        return earnEventMs;
    }

    public long earnedOnMs() {
        return earnedOnMs;
    }

    public long expiresOnMs() {
        return expiresOnMs;
    }

    public OwnerType ownerType() {
        return ownerType;
    }

    public String ownerReferenceId() {
        return ownerReferenceId;
    }
}
