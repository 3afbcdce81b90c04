/**
 * The customer's side at the reference's paths: a member's badges ({@code GET /customer/{customerId}}), the support
 * view of a customer's badges and of one badge of theirs ({@code /management/...}), the read-only service behind
 * them and its store (one page query over badge_meta and the customers' standing rows). May use {@code api},
 * {@code platform}, {@code security.boundary}, the badge feature's boundary and entities, the earn feature's
 * entities, its store (limit counts) and request reader (id lengths), and this feature's control and entity
 * packages. Writes nothing.
 */
package dev.badgeworks.customer.boundary;
