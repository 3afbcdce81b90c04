package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.security.control.PasswordHasher;
import dev.badgeworks.security.control.UserChange;
import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.entity.Org;
import dev.badgeworks.security.entity.Role;
import dev.badgeworks.security.store.UserDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;

/** Creating orgs and users and changing them: one transaction each, the last operator always kept. */
@ApplicationScoped
@Transactional
public class UserAccounts {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @Inject
    UserDirectory users;

    @Inject
    Authenticator authenticator;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public boolean noOrgs() {
        return users.countOrgs() == 0;
    }

    public List<Org> listOrgs() {
        return users.listOrgs();
    }

    public Org createOrg(String name) {
        return users.insertOrg(name, System.currentTimeMillis());
    }

    public List<ApiUser> listUsers(long orgId) {
        return users.listUsers(orgId);
    }

    public ApiUser user(long orgId, long userId) {
        return users.user(orgId, userId);
    }

    public ApiUser createUser(long orgId, String username, String password, Role role) {
        return users.insertUser(new ApiUser(orgId, username, HASHER.hash(password), role, System.currentTimeMillis()));
    }

    /**
     * Changes a user under its row lock, taken after the rows of every active operator (always in that order, so
     * two changes never deadlock): two operators removing each other at the same moment cannot leave none.
     */
    public ApiUser changeUser(long orgId, long userId, UserChange change) {
        List<Long> operators = users.lockActiveOperators();
        ApiUser user = users.lockedUser(orgId, userId);
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
        List<Long> operators = users.lockActiveOperators();
        ApiUser user = users.lockedUser(orgId, userId);
        if (user.role() == Role.PLATFORM_OPERATOR && !user.disabled()) {
            requireAnotherOperator(operators, user);
        }
        users.remove(user);
        changed(user);
        return user;
    }

    private static void requireAnotherOperator(List<Long> activeOperators, ApiUser leaving) {
        if (activeOperators.stream().noneMatch(id -> id != leaving.id().longValue())) {
            throw ErrorCode.LAST_OPERATOR.exception("userId");
        }
    }

    /**
     * This instance forgets the user's login now and again once the change has committed (a login that read the
     * user before the commit is not remembered: see CredentialCache), so the change holds here from its answer on;
     * the other instances forget it when they read the change (CredentialChanges).
     */
    private void changed(ApiUser user) {
        users.recordChange(user, System.currentTimeMillis());
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
}
