package dev.badgeworks.badge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An org's badge tag definitions, one row per org; the tags are kept as validated JSON text. */
@Entity
@Table(name = "org_meta")
public class OrgMeta {

    /** One tag definition: a badge's tag of this name must carry a value of this type, and be present if mandatory. */
    public record TagDefinition(String key, DataType dataType, String description, boolean mandatory) {
    }

    @Id
    private String id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(nullable = false)
    private String tags;

    @Embedded
    private Authorship authorship;

    @Version
    private long version;

    protected OrgMeta() {
    }

    public OrgMeta(String id, long orgId, String tags, BadgeMeta.Author author, long nowMs) {
        this.id = id;
        this.orgId = orgId;
        this.tags = tags;
        this.authorship = new Authorship(author, nowMs);
    }

    public void change(String tags, BadgeMeta.Author author, long nowMs) {
        this.tags = tags;
        authorship.touch(author, nowMs);
    }

    public String id() {
        return id;
    }

    public long orgId() {
        return orgId;
    }

    /** The definitions as JSON text: an array of {key, dataType, description, mandatory}. */
    public String tags() {
        return tags;
    }

    public Authorship authorship() {
        return authorship;
    }
}
