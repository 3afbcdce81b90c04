/**
 * Data access of imports: the ledger of each import's state, owner and rejects ({@code ImportLedger}) and the
 * cluster's shared records an import relies on ({@code ImportRuntime}: scheduler slots, one-time facts, the batch
 * runtime's executions). Joins the caller's transaction. May use {@code api}, {@code platform} and this feature's
 * control and entity packages.
 */
package dev.badgeworks.imports.store;
