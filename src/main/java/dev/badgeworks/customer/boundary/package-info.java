/**
 * The customer's side at the reference's paths: a member's badges ({@code GET /customer/{customerId}}), the support
 * view of a customer's badges and of one badge of theirs ({@code /management/...}) and the read-only service behind
 * them. May use {@code api}, {@code platform}, {@code security.boundary}, the badge feature's boundary, entities and
 * store (counters), the earn feature's control (id lengths), entities and store (limit counts), and this feature's
 * control, entity and store packages. Writes nothing.
 */
package dev.badgeworks.customer.boundary;
