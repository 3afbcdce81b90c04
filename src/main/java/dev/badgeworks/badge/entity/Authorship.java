package dev.badgeworks.badge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who created and last changed an org-level definition (group, custom field, org meta), and when. */
@Embeddable
public class Authorship {

    @Column(name = "created_on_ms", nullable = false)
    private long createdOnMs;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_by_id")
    private Long createdById;

    @Column(name = "last_updated_on_ms", nullable = false)
    private long lastUpdatedOnMs;

    @Column(name = "last_updated_by")
    private String lastUpdatedBy;

    @Column(name = "last_updated_by_id")
    private Long lastUpdatedById;

    protected Authorship() {
    }

    public Authorship(BadgeMeta.Author author, long nowMs) {
        this.createdOnMs = nowMs;
        this.createdBy = author.name();
        this.createdById = author.id();
        touch(author, nowMs);
    }

    void touch(BadgeMeta.Author author, long nowMs) {
        this.lastUpdatedOnMs = nowMs;
        this.lastUpdatedBy = author.name();
        this.lastUpdatedById = author.id();
    }

    public long createdOnMs() {
        return createdOnMs;
    }

    public String createdBy() {
        return createdBy;
    }

    public Long createdById() {
        return createdById;
    }

    public long lastUpdatedOnMs() {
        return lastUpdatedOnMs;
    }

    public String lastUpdatedBy() {
        return lastUpdatedBy;
    }

    public Long lastUpdatedById() {
        return lastUpdatedById;
    }
}
