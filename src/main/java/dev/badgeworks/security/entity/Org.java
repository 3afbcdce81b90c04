package dev.badgeworks.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A tenant: every badge, claim and earn belongs to exactly one org, and API users see only their own. */
@Entity
@Table(name = "org")
public class Org {

    @Id
    @SequenceGenerator(name = "org_seq", sequenceName = "org_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_on_ms", nullable = false)
    private long createdOnMs;

    protected Org() {
    }

    public Org(String name, long createdOnMs) {
        this.name = name;
        this.createdOnMs = createdOnMs;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long createdOnMs() {
        return createdOnMs;
    }
}
