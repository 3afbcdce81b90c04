/**
 * Data access of events: the transactional outbox the earn service writes into ({@code EventOutbox}, inside the
 * earn's transaction) and the webhook deliveries the dispatcher claims, settles and lists ({@code DeliveryStore},
 * each call its own short transaction so a slow receiver never holds a lock). May use {@code platform} and this
 * feature's control and entity packages.
 */
package dev.badgeworks.events.store;
