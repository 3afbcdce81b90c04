/**
 * The earn rules in plain Java, in one place for REST, imports and migrations: {@code EarnRules} (badge state,
 * dates, claims, enrolments), {@code LimitTally} (earn limits), earn commands and their outcomes, the reader of an
 * earn body and the requestIds of the earns running now. May use {@code api}, {@code platform},
 * {@code badge.entity} and {@code earn.entity}.
 */
package dev.badgeworks.earn.control;
