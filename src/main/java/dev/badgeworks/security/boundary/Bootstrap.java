package dev.badgeworks.security.boundary;

import dev.badgeworks.platform.Settings;
import dev.badgeworks.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * On the first start of an empty database, creates the bootstrap org and its platform operator from
 * BADGEWORKS_BOOTSTRAP_ORG / _USER / _PASSWORD. Without a password a random one is generated and logged
 * once: a production start never leaves a guessable credential behind.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    UserAccounts users;

    @PostConstruct
    void createFirstOrg() {
        if (!users.noOrgs()) {
            return;
        }
        String orgName = Settings.get("badgeworks.bootstrap.org", "default");
        String username = Settings.get("badgeworks.bootstrap.user", "admin");
        String password = Settings.get("badgeworks.bootstrap.password").orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        long orgId = users.createOrg(orgName).id();
        users.createUser(orgId, username, password, Role.PLATFORM_OPERATOR);
        if (generated) {
            LOG.warning("Created bootstrap org '" + orgName + "' (id " + orgId + ") with admin user '" + username
                    + "' and generated password '" + password + "'. It is shown only now; set "
                    + "BADGEWORKS_BOOTSTRAP_PASSWORD on first start to choose it.");
        } else {
            LOG.info("Created bootstrap org '" + orgName + "' (id " + orgId + ") with admin user '" + username + "'");
        }
    }
}
