package dev.badgeworks.security.store;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.platform.Persistence;
import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.entity.Org;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Orgs, API users and their credential changes: the only place that reads or writes them. */
@ApplicationScoped
@Transactional
public class UserDirectory {

    @PersistenceContext
    EntityManager em;

    public Optional<ApiUser> findByUsernameKey(String key) {
        return em.createNamedQuery(ApiUser.BY_USERNAME_KEY, ApiUser.class)
                .setParameter("key", key)
                .getResultStream().findFirst();
    }

    public long countOrgs() {
        return em.createQuery("SELECT COUNT(o) FROM Org o", Long.class).getSingleResult();
    }

    public List<Org> listOrgs() {
        return em.createQuery("SELECT o FROM Org o ORDER BY o.id", Org.class).getResultList();
    }

    /** A new org; a name taken, even by a concurrent creation, is 409 (the unique key decides). */
    public Org insertOrg(String name, long nowMs) {
        boolean taken = !em.createQuery("SELECT o.id FROM Org o WHERE o.name = :name", Long.class)
                .setParameter("name", name).getResultList().isEmpty();
        if (taken) {
            throw ErrorCode.ORG_NAME_TAKEN.exception("name");
        }
        Org org = new Org(name, nowMs);
        em.persist(org);
        Persistence.flushOrFail(em, ErrorCode.ORG_NAME_TAKEN.exception("name"));
        return org;
    }

    public List<ApiUser> listUsers(long orgId) {
        requireOrg(orgId);
        return em.createNamedQuery(ApiUser.OF_ORG, ApiUser.class).setParameter("orgId", orgId).getResultList();
    }

    public ApiUser user(long orgId, long userId) {
        requireOrg(orgId);
        return ofOrg(orgId, em.find(ApiUser.class, userId));
    }

    /** A new user; a name taken, even by a concurrent creation, is 409 (the unique key decides). */
    public ApiUser insertUser(ApiUser user) {
        requireOrg(user.orgId());
        if (findByUsernameKey(user.usernameKey()).isPresent()) {
            throw ErrorCode.USERNAME_TAKEN.exception("username");
        }
        em.persist(user);
        Persistence.flushOrFail(em, ErrorCode.USERNAME_TAKEN.exception("username"));
        return user;
    }

    /** The user under its row lock until the transaction ends. */
    public ApiUser lockedUser(long orgId, long userId) {
        requireOrg(orgId);
        return ofOrg(orgId, em.find(ApiUser.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Ids of the active operators, their rows locked in id order (so two changes never deadlock). */
    public List<Long> lockActiveOperators() {
        List<?> ids = em.createNativeQuery("SELECT id FROM api_user WHERE role = 'PLATFORM_OPERATOR'"
                + " AND disabled = FALSE ORDER BY id FOR UPDATE").getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    public void remove(ApiUser user) {
        em.remove(user);
    }

    /** Writes the user's pending changes and a credential change every instance will read. */
    public void recordChange(ApiUser user, long nowMs) {
        em.flush();
        em.createNativeQuery("INSERT INTO credential_change (username_key, changed_on_ms) VALUES (?, ?)")
                .setParameter(1, user.usernameKey()).setParameter(2, nowMs).executeUpdate();
    }

    /** Keys of users changed since (and a little before) the given time: every instance forgets their logins. */
    public List<String> changedSince(long sinceMs) {
        return em.createNativeQuery("SELECT DISTINCT username_key FROM credential_change WHERE changed_on_ms > ?")
                .setParameter(1, sinceMs).getResultList().stream().map(Object::toString).toList();
    }

    public void forgetChangesBefore(long beforeMs) {
        em.createNativeQuery("DELETE FROM credential_change WHERE changed_on_ms < ?").setParameter(1, beforeMs)
                .executeUpdate();
    }

    private static ApiUser ofOrg(long orgId, ApiUser user) {
        if (user == null || user.orgId() != orgId) {
            throw ErrorCode.USER_NOT_FOUND.exception("userId");
        }
        return user;
    }

    private void requireOrg(long orgId) {
        if (em.find(Org.class, orgId) == null) {
            throw ErrorCode.ORG_NOT_FOUND.exception("orgId");
        }
    }
}
