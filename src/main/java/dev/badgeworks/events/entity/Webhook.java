package dev.badgeworks.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An org's endpoint for events: where to POST, the secret that signs each POST, the event types it wants and how
 * many events it takes per POST. Delivery statistics are written by the dispatcher's statements, read here.
 */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    private String id;

    @Column(name = "org_id")
    private long orgId;

    private String url;

    private String secret;

    @Column(name = "event_types")
    private String eventTypes;

    @Column(name = "batch_size")
    private int batchSize;

    private boolean active;

    @Column(name = "created_on_ms")
    private long createdOnMs;

    @Column(name = "last_success_ms", insertable = false, updatable = false)
    private Long lastSuccessMs;

    @Column(name = "last_failure_ms", insertable = false, updatable = false)
    private Long lastFailureMs;

    @Column(name = "last_error", insertable = false, updatable = false)
    private String lastError;

    @Column(name = "failures_in_row", insertable = false, updatable = false)
    private long failuresInRow;

    protected Webhook() {
    }

    public Webhook(String id, long orgId, String url, String secret, Set<EventType> types, int batchSize,
                   boolean active, long createdOnMs) {
        this.id = id;
        this.orgId = orgId;
        this.createdOnMs = createdOnMs;
        this.secret = secret;
        change(url, types, batchSize, active);
    }

    public void change(String url, Set<EventType> types, int batchSize, boolean active) {
        this.url = url;
        this.eventTypes = encode(types);
        this.batchSize = batchSize;
        this.active = active;
    }

    /** ",badgeEarned,badgeIssued," so that one LIKE '%,name,%' in the outbox's statement matches a type. */
    public static String encode(Set<EventType> types) {
        return types.stream().map(EventType::wireName).collect(Collectors.joining(",", ",", ","));
    }

    public Set<EventType> types() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : eventTypes.split(",")) {
            EventType.of(name).ifPresent(types::add);
        }
        return types;
    }

    public String id() {
        return id;
    }

    public long orgId() {
        return orgId;
    }

    public String url() {
        return url;
    }

    public String secret() {
        return secret;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean active() {
        return active;
    }

    public long createdOnMs() {
        return createdOnMs;
    }

    public Long lastSuccessMs() {
        return lastSuccessMs;
    }

    public Long lastFailureMs() {
        return lastFailureMs;
    }

    public String lastError() {
        return lastError;
    }

    public long failuresInRow() {
        return failuresInRow;
    }
}
