package dev.badgeworks.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A client credential. The password is stored only as a PBKDF2 hash (see PasswordHasher); the username is found
 * by its key, the lower-cased name, so 'Admin' and 'admin' are one user.
 */
@Entity
@Table(name = "api_user")
@NamedQuery(name = ApiUser.BY_USERNAME_KEY, query = "SELECT u FROM ApiUser u WHERE u.usernameKey = :key")
@NamedQuery(name = ApiUser.OF_ORG, query = "SELECT u FROM ApiUser u WHERE u.orgId = :orgId ORDER BY u.id")
public class ApiUser {

    public static final String BY_USERNAME_KEY = "ApiUser.byUsernameKey";
    public static final String OF_ORG = "ApiUser.ofOrg";

    @Id
    @SequenceGenerator(name = "api_user_seq", sequenceName = "api_user_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_user_seq")
    private Long id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(nullable = false)
    private String username;

    @Column(name = "username_key", nullable = false)
    private String usernameKey;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_on_ms", nullable = false)
    private long createdOnMs;

    protected ApiUser() {
    }

    public ApiUser(long orgId, String username, String passwordHash, Role role, long createdOnMs) {
        this.orgId = orgId;
        this.username = username;
        this.usernameKey = keyOf(username);
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdOnMs = createdOnMs;
    }

    /**
     * The key a username is found and kept unique by: its compatibility form (NFKC: fullwidth letters, ligatures
     * and other presentation forms become the plain ones), lower-cased, and NFKC again (lower-casing may decompose).
     * "ＡＤＭＩＮ" and "ﬀ" are the names "admin" and "ff".
     */
    public static String keyOf(String username) {
        String folded = Normalizer.normalize(username, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
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

    public String usernameKey() {
        return usernameKey;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean disabled() {
        return disabled;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    public void changeDisabled(boolean newDisabled) {
        this.disabled = newDisabled;
    }

    public long createdOnMs() {
        return createdOnMs;
    }
}
