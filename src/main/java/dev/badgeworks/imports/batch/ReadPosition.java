package dev.badgeworks.imports.batch;

import java.io.Serializable;

/**
 * The reader's checkpoint: the next line to read and its byte offset. A named class of the application, not a
 * {@code long[]}: Payara reads a checkpoint back with the application's class loader, which cannot load the
 * array class, so a chunk retry (after a requestId collision) failed the whole import.
 */
public record ReadPosition(long nextLine, long nextOffset) implements Serializable {
}
