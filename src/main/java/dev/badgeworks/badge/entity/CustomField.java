package dev.badgeworks.badge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An org's definition of a badge custom field. Its data type never changes and disabling is final; as with groups,
 * {@code active} is TRUE or NULL so that only active fields hold their name (V15).
 */
@Entity
@Table(name = "custom_field")
public class CustomField {

    @Id
    private String id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_type", nullable = false)
    private DataType dataType;

    @Column(nullable = false)
    private boolean mandatory;

    @Column(name = "default_value")
    private String defaultValue;

    private Boolean active;

    @Embedded
    private Authorship authorship;

    @Version
    private long version;

    protected CustomField() {
    }

    public CustomField(String id, long orgId, String name, DataType dataType, boolean mandatory, String defaultValue,
                       BadgeMeta.Author author, long nowMs) {
        this.id = id;
        this.orgId = orgId;
        this.name = name;
        this.dataType = dataType;
        this.mandatory = mandatory;
        this.defaultValue = defaultValue;
        this.active = Boolean.TRUE;
        this.authorship = new Authorship(author, nowMs);
    }

    /** What an update may change; the rules (CustomFieldRequest) have been checked. */
    public void change(String name, boolean mandatory, String defaultValue, boolean active, BadgeMeta.Author author,
                       long nowMs) {
        this.name = name;
        this.mandatory = mandatory;
        this.defaultValue = defaultValue;
        this.active = active ? Boolean.TRUE : null;
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

    public DataType dataType() {
        return dataType;
    }

    public boolean mandatory() {
        return mandatory;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean active() {
        return active != null;
    }

    public Authorship authorship() {
        return authorship;
    }
}
