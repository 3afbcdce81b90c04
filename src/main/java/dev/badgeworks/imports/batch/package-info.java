/**
 * The Jakarta Batch chunk job: a reader with a checkpoint, and a writer that hands each chunk to the earn
 * service in one call (it applies no earn rule itself). May use {@code api}, {@code platform},
 * {@code earn.boundary}, {@code earn.control} and the import feature's other packages.
 */
package dev.badgeworks.imports.batch;
