package dev.badgeworks.imports.control;

import jakarta.ejb.ApplicationException;

/**
 * An execution found that its import was claimed by another execution (its lease ran out, say, while its
 * instance was frozen). Rolls back whatever its chunk wrote: the new owner redoes that work.
 */
@ApplicationException(rollback = true)
public class ImportLeaseLost extends RuntimeException {

    public ImportLeaseLost(String importId, long fence) {
        super("Import " + importId + " is no longer owned by this execution (token " + fence + ")");
    }
}
