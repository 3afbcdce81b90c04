/**
 * Data access of the customer views: one page query over badge_meta and the customers' standing rows, a
 * customer's earns, enrolments and limit counts. Reads only, inside its caller's transaction. May use {@code api},
 * {@code platform}, {@code customer.control} (the query), {@code customer.entity}, and the badge and earn
 * features' entities.
 */
package dev.badgeworks.customer.store;
