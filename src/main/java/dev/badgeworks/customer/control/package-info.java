/**
 * The customer views' rules without a container: the categories a badge falls into for a customer, and the
 * filters, sort orders and pages of the customer endpoints read from query parameters. May use {@code api},
 * {@code badge.entity} and {@code customer.entity}.
 */
package dev.badgeworks.customer.control;
