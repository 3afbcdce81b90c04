/**
 * Import files in plain Java: inspecting them, reading lines as earn commands (through the earn feature's own
 * body reader), the inbox folders and the report. May use {@code api}, {@code platform}, {@code earn.control} and
 * {@code imports.entity}.
 */
package dev.badgeworks.imports.control;
