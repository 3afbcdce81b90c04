/**
 * The activity feature's data access: activities, their answers and the customers' lock rows, in plain JDBC on the
 * transaction's connection. May use {@code api}, {@code platform}, {@code activity.control} and {@code earn.control}
 * (the requestId race it reports).
 */
package dev.badgeworks.activity.store;
