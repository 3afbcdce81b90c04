package dev.badgeworks.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A client credential. The password is stored only as a PBKDF2 hash (see PasswordHasher). */
@Entity
@Table(name = "api_user")
@NamedQuery(name = ApiUser.BY_USERNAME, query = "SELECT u FROM ApiUser u WHERE u.username = :username")
public class ApiUser {

    public static final String BY_USERNAME = "ApiUser.byUsername";

    @Id
    @SequenceGenerator(name = "api_user_seq", sequenceName = "api_user_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_user_seq")
    private Long id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(nullable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "is_admin", nullable = false)
    private boolean admin;

    @Column(name = "created_on_ms", nullable = false)
    private long createdOnMs;

    protected ApiUser() {
    }

    public ApiUser(long orgId, String username, String passwordHash, boolean admin, long createdOnMs) {
        this.orgId = orgId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdOnMs = createdOnMs;
    }

    public Long id() {
        return id;
    }

    public long orgId() {
        return orgId;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean admin() {
        return admin;
    }

    public long createdOnMs() {
        return createdOnMs;
    }
}
