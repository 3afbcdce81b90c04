/**
 * The earn rules in plain Java, in one place for REST, imports and migrations: {@code EarnRules} (badge state,
 * dates, claims, enrolments), {@code LimitTally} (earn limits), earn commands and their outcomes, and the reader of
 * an earn body, the requestIds of the earns running now. May use {@code api}, {@code platform}, {@code badge.entity} and {@code earn.entity}.
 */
package dev.badgeworks.earn.control;
