package dev.badgeworks.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A rejected line of an import, kept with the chunk that rejected it; the rejects file is written from these. */
@Entity
@Table(name = "import_reject")
@IdClass(ImportReject.Key.class)
public class ImportReject {

    public static class Key implements Serializable {
        private String importId;
        private long lineNumber;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.lineNumber == lineNumber && k.importId.equals(importId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(importId, lineNumber);
        }
    }

    @Id
    @Column(name = "import_id")
    private String importId;

    @Id
    @Column(name = "line_number")
    private long lineNumber;

    @Column(nullable = false)
    private int code;

    /** The field the error names, as the REST answer's {@code reference}; null when it names none. */
    @Column
    private String reference;

    @Column(nullable = false)
    private String message;

    @Column(nullable = false)
    private String line;

    protected ImportReject() {
    }

    public ImportReject(String importId, long lineNumber, int code, String reference, String message, String line) {
        this.importId = importId;
        this.lineNumber = lineNumber;
        this.code = code;
        this.reference = reference == null || reference.length() <= 200 ? reference : reference.substring(0, 200);
        this.message = message.length() > 2000 ? message.substring(0, 2000) : message;
        this.line = line.length() > 8000 ? line.substring(0, 8000) : line;
    }

    public long lineNumber() {
        return lineNumber;
    }

    public int code() {
        return code;
    }

    public String reference() {
        return reference;
    }

    public String message() {
        return message;
    }

    public String line() {
        return line;
    }
}
