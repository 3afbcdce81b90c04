/**
 * Events' persistent shapes: webhook endpoints, event types and delivery states. Depends on nothing of Badgeworks.
 */
package dev.badgeworks.events.entity;
