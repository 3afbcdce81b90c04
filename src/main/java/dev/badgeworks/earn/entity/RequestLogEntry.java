package dev.badgeworks.earn.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A finished request of an operation whose result is not one row (an enrolment of many customers): its
 * fingerprint and its answer, so a repeat can be recognised and answered with the original result.
 */
@Entity
@Table(name = "request_log")
@IdClass(RequestLogEntry.Key.class)
public class RequestLogEntry {

    public static class Key implements Serializable {
        private long orgId;
        private String operation;
        private String requestId;

        public Key() {
        }

        public Key(long orgId, String operation, String requestId) {
            this.orgId = orgId;
            this.operation = operation;
            this.requestId = requestId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.orgId == orgId && k.operation.equals(operation)
                    && k.requestId.equals(requestId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgId, operation, requestId);
        }
    }

    @Id
    @Column(name = "org_id")
    private long orgId;

    @Id
    private String operation;

    @Id
    @Column(name = "request_id")
    private String requestId;

    @Column(nullable = false)
    private String fingerprint;

    private String response;

    @Column(name = "created_on_ms", nullable = false)
    private long createdOnMs;

    protected RequestLogEntry() {
    }

    public RequestLogEntry(long orgId, String operation, String requestId, String fingerprint, String response,
                           long createdOnMs) {
        this.orgId = orgId;
        this.operation = operation;
        this.requestId = requestId;
        this.fingerprint = fingerprint;
        this.response = response;
        this.createdOnMs = createdOnMs;
    }

    public long orgId() {
        return orgId;
    }

    public String operation() {
        return operation;
    }

    public String requestId() {
        return requestId;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String response() {
        return response;
    }

    public long createdOnMs() {
        return createdOnMs;
    }
}
