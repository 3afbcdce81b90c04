package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.platform.Persistence;
import dev.badgeworks.security.control.PasswordHasher;
import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.entity.Org;
import dev.badgeworks.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Orgs and API users: the only place that reads or writes them. */
@ApplicationScoped
@Transactional
public class UserDirectory {

    /** A change to one user; null fields stay as they are. */
    public record UserChange(String password, Role role, Boolean disabled) {
        boolean removesOperator(ApiUser user) {
            return user.role() == Role.PLATFORM_OPERATOR && !user.disabled()
                    && ((role != null && role != Role.PLATFORM_OPERATOR) || Boolean.TRUE.equals(disabled));
        }
    }

    private static final PasswordHasher HASHER = new PasswordHasher();

    @PersistenceContext
    EntityManager em;

    @Inject
    Authenticator authenticator;

    @Resource
    TransactionSynchronizationRegistry transactions;

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

    public Org createOrg(String name) {
        boolean taken = !em.createQuery("SELECT o.id FROM Org o WHERE o.name = :name", Long.class)
                .setParameter("name", name).getResultList().isEmpty();
        if (taken) {
            throw ErrorCode.ORG_NAME_TAKEN.exception("name");
        }
        Org org = new Org(name, System.currentTimeMillis());
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
        ApiUser user = em.find(ApiUser.class, userId);
        if (user == null || user.orgId() != orgId) {
            throw ErrorCode.USER_NOT_FOUND.exception("userId");
        }
        return user;
    }

    public ApiUser createUser(long orgId, String username, String password, Role role) {
        requireOrg(orgId);
        if (findByUsernameKey(ApiUser.keyOf(username)).isPresent()) {
            throw ErrorCode.USERNAME_TAKEN.exception("username");
        }
        ApiUser user = new ApiUser(orgId, username, HASHER.hash(password), role, System.currentTimeMillis());
        em.persist(user);
        // two concurrent creations of one name: the unique key decides, the loser gets the same 409
        Persistence.flushOrFail(em, ErrorCode.USERNAME_TAKEN.exception("username"));
        return user;
    }

    /**
     * Changes a user under its row lock, taken after the rows of every active operator (always in that order, so
     * two changes never deadlock): two operators removing each other at the same moment cannot leave none.
     */
    public ApiUser changeUser(long orgId, long userId, UserChange change) {
        List<Long> operators = lockActiveOperators();
        ApiUser user = lockedUser(orgId, userId);
        if (change.removesOperator(user)) {
            requireAnotherOperator(operators, user);
        }
        if (change.password() != null) {
            user.changePassword(HASHER.hash(change.password()));
        }
        if (change.role() != null) {
            user.changeRole(change.role());
        }
        if (change.disabled() != null) {
            user.changeDisabled(change.disabled());
        }
        changed(user);
        return user;
    }

    public ApiUser deleteUser(long orgId, long userId) {
        List<Long> operators = lockActiveOperators();
        ApiUser user = lockedUser(orgId, userId);
        if (user.role() == Role.PLATFORM_OPERATOR && !user.disabled()) {
            requireAnotherOperator(operators, user);
        }
        em.remove(user);
        changed(user);
        return user;
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

    /**
     * This instance forgets the user's login now and again once the change has committed (a login that read the
     * user before the commit is not remembered: see CredentialCache), so the change holds here from its answer on;
     * the other instances forget it when they read the change (CredentialChanges).
     */
    private void changed(ApiUser user) {
        em.flush();
        em.createNativeQuery("INSERT INTO credential_change (username_key, changed_on_ms) VALUES (?, ?)")
                .setParameter(1, user.usernameKey()).setParameter(2, System.currentTimeMillis()).executeUpdate();
        String key = user.usernameKey();
        authenticator.forget(key);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                authenticator.forget(key);
            }
        });
    }

    private ApiUser lockedUser(long orgId, long userId) {
        requireOrg(orgId);
        ApiUser user = em.find(ApiUser.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.orgId() != orgId) {
            throw ErrorCode.USER_NOT_FOUND.exception("userId");
        }
        return user;
    }

    private List<Long> lockActiveOperators() {
        List<?> ids = em.createNativeQuery("SELECT id FROM api_user WHERE role = 'PLATFORM_OPERATOR'"
                + " AND disabled = FALSE ORDER BY id FOR UPDATE").getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    private static void requireAnotherOperator(List<Long> activeOperators, ApiUser leaving) {
        if (activeOperators.stream().noneMatch(id -> id != leaving.id().longValue())) {
            throw ErrorCode.LAST_OPERATOR.exception("userId");
        }
    }

    private void requireOrg(long orgId) {
        if (em.find(Org.class, orgId) == null) {
            throw ErrorCode.ORG_NOT_FOUND.exception("orgId");
        }
    }
}
