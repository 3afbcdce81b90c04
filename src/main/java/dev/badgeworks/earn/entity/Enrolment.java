package dev.badgeworks.earn.entity;

import dev.badgeworks.badge.entity.OwnerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer's enrolment ("issue") in an ISSUE_EARN badge: valid from its event date through its expiry.
 * Enrolments of one customer in one badge may repeat but never overlap.
 */
@Entity
@Table(name = "badge_enrolment")
public class Enrolment {

    @Id
    private String id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(name = "badge_id", nullable = false)
    private String badgeId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "issue_event_ms", nullable = false)
    private long issueEventMs;

    @Column(name = "issued_on_ms", nullable = false)
    private long issuedOnMs;

    @Column(name = "expires_on_ms", nullable = false)
    private long expiresOnMs;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type", nullable = false)
    private OwnerType ownerType;

    @Column(name = "owner_reference_id", nullable = false)
    private String ownerReferenceId;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "revoked_on_ms")
    private Long revokedOnMs;

    protected Enrolment() {
    }

    public Enrolment(String id, long orgId, String badgeId, String customerId, long issueEventMs, long issuedOnMs,
                     long expiresOnMs, OwnerType ownerType, String ownerReferenceId, String requestId) {
        this.id = id;
        this.orgId = orgId;
        this.badgeId = badgeId;
        this.customerId = customerId;
        this.issueEventMs = issueEventMs;
        this.issuedOnMs = issuedOnMs;
        this.expiresOnMs = expiresOnMs;
        this.ownerType = ownerType;
        this.ownerReferenceId = ownerReferenceId;
        this.requestId = requestId;
    }

    public void revoke(long nowMs) {
        this.revokedOnMs = nowMs;
    }

    public boolean revoked() {
        return revokedOnMs != null;
    }

    /** Not revoked and not yet expired at {@code nowMs}. */
    public boolean liveAt(long nowMs) {
        return !revoked() && expiresOnMs >= nowMs;
    }

    /** Whether the event lies inside [issue event date, expiry], both inclusive. */
    public boolean covers(long eventMs) {
        return eventMs >= issueEventMs && eventMs <= expiresOnMs;
    }

    public boolean overlaps(long fromMs, long untilMs) {
        return !revoked() && fromMs <= expiresOnMs && untilMs >= issueEventMs;
    }

    public String id() {
        return id;
    }

    public String badgeId() {
        return badgeId;
    }

    public String customerId() {
        return customerId;
    }

    public long issueEventMs() {
        return issueEventMs;
    }

    public long issuedOnMs() {
        return issuedOnMs;
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

    public Long revokedOnMs() {
        return revokedOnMs;
    }
}
