package dev.badgeworks.badge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A module instance (ownerType + referenceId) that uses a badge; earns must name an active claim. */
@Entity
@Table(name = "badge_claim")
public class Claim {

    @Id
    private String id;

    @Column(name = "badge_id", nullable = false)
    private String badgeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type", nullable = false)
    private OwnerType ownerType;

    @Column(name = "reference_id", nullable = false)
    private String referenceId;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_on_ms", nullable = false)
    private long createdOnMs;

    @Column(name = "updated_on_ms", nullable = false)
    private long updatedOnMs;

    protected Claim() {
    }

    public Claim(String id, String badgeId, OwnerType ownerType, String referenceId, long nowMs) {
        this.id = id;
        this.badgeId = badgeId;
        this.ownerType = ownerType;
        this.referenceId = referenceId;
        this.active = true;
        this.createdOnMs = nowMs;
        this.updatedOnMs = nowMs;
    }

    public void setActive(boolean active, long nowMs) {
        this.active = active;
        this.updatedOnMs = nowMs;
    }

    public String id() {
        return id;
    }

    public String badgeId() {
        return badgeId;
    }

    public OwnerType ownerType() {
        return ownerType;
    }

    public String referenceId() {
        return referenceId;
    }

    public boolean active() {
        return active;
    }
}
