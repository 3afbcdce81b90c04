/**
 * Import files in plain Java: inspecting them (and telling earn files from activity files), reading lines as earn
 * or activity commands (through each feature's own body reader), the inbox folders, the report, and the pace of
 * the database read-aheads of an earn file's next rows. May use {@code api}, {@code platform}, {@code earn.control},
 * {@code activity.control} and {@code imports.entity}.
 */
package dev.badgeworks.imports.control;
