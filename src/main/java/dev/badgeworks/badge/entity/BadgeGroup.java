package dev.badgeworks.badge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A group of an org's badges with its rank (1 = first in the member view's RANK order). Disabling frees the name:
 * {@code active} is stored as TRUE or NULL so that the unique constraint on (org, name, active) binds active
 * groups only (V15).
 */
@Entity
@Table(name = "badge_group")
public class BadgeGroup {

    @Id
    private String id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(nullable = false)
    private String name;

    @Column(name = "group_rank", nullable = false)
    private int rank;

    private Boolean active;

    @Embedded
    private Authorship authorship;

    @Version
    private long version;

    protected BadgeGroup() {
    }

    public BadgeGroup(String id, long orgId, String name, int rank, BadgeMeta.Author author, long nowMs) {
        this.id = id;
        this.orgId = orgId;
        this.name = name;
        this.rank = rank;
        this.active = Boolean.TRUE;
        this.authorship = new Authorship(author, nowMs);
    }

    /** A full update: name and rank, and the activation when the request names it. */
    public void change(String name, int rank, Boolean active, BadgeMeta.Author author, long nowMs) {
        this.name = name;
        this.rank = rank;
        if (active != null) {
            this.active = active ? Boolean.TRUE : null;
        }
        authorship.touch(author, nowMs);
    }

    public String id() {
        return id;
    }

    public long orgId() {
        return orgId;
    }

    public String name() {
        return name;
    }

    public int rank() {
        return rank;
    }

    public boolean active() {
        return active != null;
    }

    public Authorship authorship() {
        return authorship;
    }
}
