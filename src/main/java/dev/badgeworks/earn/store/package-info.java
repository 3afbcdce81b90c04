/**
 * Data access of earning: {@code EarnStore} is what the earn service needs from the database (its in-memory twin
 * runs the service's unit tests); {@code JpaEarnStore} is it on JPA and JDBC, joining the caller's transaction:
 * earn rows and the request log ({@code EarnRows}), the customers' standing rows ({@code Standings}), the locks
 * and counts the limits need ({@code LimitLocks}; badge-wide windows' kept counts, {@code WindowCounts}), the kept earns per day of the console's chart
 * ({@code EarnDayTally}) and the read-ahead of what a list of earns will write ({@code EarnPages}). May use
 * {@code api}, {@code platform}, {@code badge.entity}, {@code badge.store} (definitions, counters),
 * {@code earn.control} and {@code earn.entity}.
 */
package dev.badgeworks.earn.store;
