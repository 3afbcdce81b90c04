/**
 * The Jakarta Batch chunk job: a reader with a checkpoint (it also has the earn service read an earn file's next
 * rows ahead in the database), and a writer per kind of file that hands each chunk to the earn service or the
 * activity service in one call (it applies no rule itself). May use {@code api}, {@code platform},
 * {@code earn.boundary}, {@code earn.control}, {@code activity.boundary}, {@code activity.control} and the import
 * feature's other packages.
 */
package dev.badgeworks.imports.batch;
