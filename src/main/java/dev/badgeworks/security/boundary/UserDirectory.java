package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.platform.Persistence;
import dev.badgeworks.security.control.PasswordHasher;
import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.entity.Org;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Orgs and API users: the only place that reads or writes them. */
@Stateless
public class UserDirectory {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @PersistenceContext
    EntityManager em;

    public Optional<ApiUser> findByUsername(String username) {
        return em.createNamedQuery(ApiUser.BY_USERNAME, ApiUser.class)
                .setParameter("username", username)
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

    public ApiUser createUser(long orgId, String username, String password, boolean admin) {
        if (em.find(Org.class, orgId) == null) {
            throw ErrorCode.ORG_NOT_FOUND.exception("orgId");
        }
        if (findByUsername(username).isPresent()) {
            throw ErrorCode.USERNAME_TAKEN.exception("username");
        }
        ApiUser user = new ApiUser(orgId, username, HASHER.hash(password), admin, System.currentTimeMillis());
        em.persist(user);
        Persistence.flushOrFail(em, ErrorCode.USERNAME_TAKEN.exception("username"));
        return user;
    }
}
