package dev.badgeworks.imports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The import executions this JVM runs at this moment, by batch execution id: the ones whose leases it renews. Not
 * the batch repository's list of started executions: an execution that ended while the database was unreachable
 * stays "started" there for ever, and renewing its lease would keep its import from being taken over.
 */
@ApplicationScoped
public class RunningImports {

    private final Set<Long> executions = ConcurrentHashMap.newKeySet();

    public void started(long executionId) {
        executions.add(executionId);
    }

    public void ended(long executionId) {
        executions.remove(executionId);
    }

    public List<Long> executions() {
        return List.copyOf(executions);
    }
}
