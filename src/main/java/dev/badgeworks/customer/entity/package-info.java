/**
 * What the customer views read about one customer and one badge: their standing (earns and enrolments summed up).
 * Plain values; may use nothing but the JDK.
 */
package dev.badgeworks.customer.entity;
