/**
 * Earning at the reference's paths: the one {@code EarnService} (look up, decide, write; a stateless EJB, the
 * transactional boundary the REST earn and the batch writer share; {@code LiveEarns} groups and retries the REST
 * earns on their way to it), enrolments, revocations, migrations and the fixed-window details. May use {@code api},
 * {@code platform}, {@code security.boundary}, the badge feature's boundary (badges, claims), control, entity and
 * store (definitions, counters) packages, the events feature's control and store (the outbox), and this feature's
 * control, entity and store packages.
 */
package dev.badgeworks.earn.boundary;
