/**
 * Cross-cutting infrastructure: schema migration at start-up, the readiness check (MicroProfile Health, where the
 * server has it), the application's metrics (Micrometer), ids, settings, hashing, this instance's name, the JDBC
 * connection of either JPA provider, reads without a transaction, the work of concurrent callers run together
 * (group commit), one read shared by concurrent callers asking the same question, customer views admitted a few at
 * a time, and telling database constraint violations and outages (a failover, a restart) apart. Uses no other
 * package of Badgeworks; every other package may use it.
 */
package dev.badgeworks.platform;
