package dev.badgeworks.security.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.security.entity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AdminRulesTest {

    private static final Caller OPERATOR = new Caller(1, 1, "root", Role.PLATFORM_OPERATOR);
    private static final Caller ADMIN_OF_2 = new Caller(2, 20, "admin2", Role.ORG_ADMIN);
    private static final Caller USER_OF_2 = new Caller(2, 21, "user2", Role.USER);

    private static ErrorCode refusal(Executable check) {
        return assertThrows(ApiException.class, check).firstCode();
    }

    @Test
    void onlyTheOperatorManagesOrgs() {
        assertDoesNotThrow(() -> AdminRules.requireOperator(OPERATOR));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> AdminRules.requireOperator(ADMIN_OF_2)));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> AdminRules.requireOperator(USER_OF_2)));
    }

    @Test
    void anOrgAdminManagesItsOwnOrgOnlyAndOtherOrgsAreNotFound() {
        assertDoesNotThrow(() -> AdminRules.requireManages(ADMIN_OF_2, 2));
        assertDoesNotThrow(() -> AdminRules.requireManages(OPERATOR, 2));
        assertEquals(ErrorCode.ORG_NOT_FOUND, refusal(() -> AdminRules.requireManages(ADMIN_OF_2, 1)));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> AdminRules.requireManages(USER_OF_2, 2)));
    }

    @Test
    void onlyTheOperatorMakesOrTouchesOperators() {
        assertDoesNotThrow(() -> AdminRules.requireMayGrant(ADMIN_OF_2, Role.ORG_ADMIN));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> AdminRules.requireMayGrant(ADMIN_OF_2, Role.PLATFORM_OPERATOR)));
        assertDoesNotThrow(() -> AdminRules.requireMayGrant(OPERATOR, Role.PLATFORM_OPERATOR));
        assertEquals(ErrorCode.FORBIDDEN,
                refusal(() -> AdminRules.requireMayChange(ADMIN_OF_2, 5, Role.PLATFORM_OPERATOR, false)));
    }

    @Test
    void nobodyRemovesTheirOwnAccessButMayChangeTheirOwnPassword() {
        assertEquals(ErrorCode.OWN_ACCESS, refusal(() -> AdminRules.requireMayChange(ADMIN_OF_2, 20, Role.ORG_ADMIN, true)));
        assertDoesNotThrow(() -> AdminRules.requireMayChange(ADMIN_OF_2, 20, Role.ORG_ADMIN, false));
        assertDoesNotThrow(() -> AdminRules.requireMayChange(ADMIN_OF_2, 21, Role.USER, true));
    }
}
