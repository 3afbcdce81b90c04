package dev.badgeworks.imports.store;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.imports.control.ChunkResult;
import dev.badgeworks.imports.control.ImportLeaseLost;
import dev.badgeworks.imports.entity.ImportClaim;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportKind;
import dev.badgeworks.imports.entity.ImportReject;
import dev.badgeworks.imports.entity.ImportStatus;
import dev.badgeworks.imports.entity.Ownership;
import dev.badgeworks.platform.Instance;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What imports keep in the database: the import rows (owner, lease, state), their chunk counters and checkpoints,
 * rejects. The cluster plumbing around them is {@link ImportRuntime}.
 */
@Stateless
public class ImportLedger {

    /** The states in which an import has an owner. */
    static final Set<ImportStatus> LIVE = EnumSet.of(ImportStatus.RUNNING, ImportStatus.STOPPING);

    private static final String INSERT_REJECT = "INSERT INTO import_reject (import_id, line_number, code, reference,"
            + " message, line) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (import_id, line_number) DO NOTHING";
    private static final String MERGE_REJECT = "MERGE INTO import_reject t USING (VALUES (?, ?, ?, ?, ?, ?))"
            + " AS s (import_id, line_number, code, reference, message, line)"
            + " ON t.import_id = s.import_id AND t.line_number = s.line_number"
            + " WHEN NOT MATCHED THEN INSERT (import_id, line_number, code, reference, message, line)"
            + " VALUES (s.import_id, s.line_number, s.code, s.reference, s.message, s.line)";

    @PersistenceContext
    EntityManager em;

    public ImportJob create(String id, long orgId, String fileName, String path, ImportFormat format, String source) {
        ImportJob job = new ImportJob(id, orgId, fileName, path, format, source, System.currentTimeMillis());
        em.persist(job);
        return job;
    }

    /** The import of this org; another org's import is simply not found. */
    public ImportJob find(long orgId, String id) {
        ImportJob job = id == null ? null : em.find(ImportJob.class, id);
        if (job == null || job.orgId() != orgId) {
            throw ErrorCode.IMPORT_NOT_FOUND.exception("importId");
        }
        return job;
    }

    public ImportJob get(String id) {
        return em.find(ImportJob.class, id);
    }

    public List<ImportJob> list(long orgId, int page, int size) {
        return em.createQuery("SELECT j FROM ImportJob j WHERE j.orgId = :org ORDER BY j.createdOnMs DESC, j.id DESC",
                        ImportJob.class).setParameter("org", orgId)
                .setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE)).setMaxResults(size)
                .getResultList();
    }

    public long count(long orgId) {
        return em.createQuery("SELECT COUNT(j) FROM ImportJob j WHERE j.orgId = :org", Long.class)
                .setParameter("org", orgId).getSingleResult();
    }

    /** The first inspection of the file: hash, what its rows are, row count and where the data starts. */
    public void inspected(String id, String contentHash, ImportKind kind, long rows, long firstLine,
                          long firstOffset) {
        em.createQuery("UPDATE ImportJob j SET j.contentHash = :hash, j.kind = :kind, j.rowsTotal = :rows,"
                        + " j.nextLine = :line, j.nextOffset = :offset WHERE j.id = :id")
                .setParameter("hash", contentHash).setParameter("kind", kind).setParameter("rows", rows)
                .setParameter("line", firstLine).setParameter("offset", firstOffset).setParameter("id", id)
                .executeUpdate();
    }

    /**
     * Moves the import to RUNNING for this instance, in one conditional UPDATE: from the states the claim allows,
     * or from RUNNING/STOPPING once the owner's lease has run out. It records this instance as owner, raises the
     * fencing token and starts a lease. Of several instances (or requests) claiming at once exactly one gets the
     * new token; the others get nothing.
     */
    public OptionalLong claim(String id, ImportClaim claim, Duration lease) {
        long now = System.currentTimeMillis();
        String expired = claim.fromExpiredLease()
                ? " OR (j.status IN :live AND j.leaseUntilMs IS NOT NULL AND j.leaseUntilMs < :now)" : "";
        String from = claim.from().isEmpty() ? "1 = 0" : "j.status IN :from";
        var update = em.createQuery("UPDATE ImportJob j SET j.status = :running, j.owner = :me, j.fence = j.fence + 1,"
                        + " j.leaseUntilMs = :until, j.stopRequested = FALSE, j.message = NULL, j.endedOnMs = NULL,"
                        + " j.heartbeatOnMs = :now, j.startedOnMs = COALESCE(j.startedOnMs, :now),"
                        + " j.takeovers = j.takeovers + :takeover WHERE j.id = :id AND (" + from + expired + ")")
                .setParameter("running", ImportStatus.RUNNING).setParameter("me", Instance.ID)
                .setParameter("until", now + lease.toMillis()).setParameter("now", now)
                .setParameter("takeover", claim == ImportClaim.TAKEOVER ? 1 : 0)
                .setParameter("id", id);
        if (!claim.from().isEmpty()) {
            update.setParameter("from", claim.from());
        }
        if (claim.fromExpiredLease()) {
            update.setParameter("live", LIVE);
        }
        if (update.executeUpdate() != 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(em.createQuery("SELECT j.fence FROM ImportJob j WHERE j.id = :id", Long.class)
                .setParameter("id", id).getSingleResult());
    }

    /** Whether the execution holding this token still owns the import, and whether it was asked to stop. */
    public Ownership ownership(String id, long fence) {
        List<Object[]> rows = em.createQuery("SELECT j.fence, j.owner, j.stopRequested, j.status FROM ImportJob j"
                + " WHERE j.id = :id", Object[].class).setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Ownership.LOST;
        }
        Object[] row = rows.get(0);
        if (((Number) row[0]).longValue() != fence || !Instance.ID.equals(row[1]) || !LIVE.contains(row[3])) {
            return Ownership.LOST;
        }
        return Boolean.TRUE.equals(row[2]) ? Ownership.STOP_REQUESTED : Ownership.OWNED;
    }

    /** This instance's imports whose executions still run here keep their leases. */
    public int renewLeases(Collection<Long> runningExecutions, Duration lease) {
        if (runningExecutions.isEmpty()) {
            return 0;
        }
        return em.createQuery("UPDATE ImportJob j SET j.leaseUntilMs = :until WHERE j.owner = :me"
                        + " AND j.status IN :live AND j.executionId IN :executions")
                .setParameter("until", System.currentTimeMillis() + lease.toMillis()).setParameter("me", Instance.ID)
                .setParameter("live", LIVE).setParameter("executions", runningExecutions).executeUpdate();
    }

    /** Imports whose owner's lease has run out: their instance died or froze. */
    public List<ImportJob> abandoned() {
        return em.createQuery("SELECT j FROM ImportJob j WHERE j.status IN :live AND j.leaseUntilMs IS NOT NULL"
                        + " AND j.leaseUntilMs < :now ORDER BY j.leaseUntilMs", ImportJob.class)
                .setParameter("live", LIVE).setParameter("now", System.currentTimeMillis()).setMaxResults(20)
                .getResultList();
    }

    /**
     * Asks a running import to stop: a flag its owner reads before its next chunk. If the owner's lease has run
     * out (nobody is working on it) the import is STOPPED at once, and the token raised so a frozen owner that
     * wakes up writes nothing. The new status, or empty when the import was not running.
     */
    public Optional<ImportStatus> requestStop(long orgId, String id) {
        long now = System.currentTimeMillis();
        int flagged = em.createQuery("UPDATE ImportJob j SET j.stopRequested = TRUE, j.status = :stopping"
                        + " WHERE j.id = :id AND j.orgId = :org AND j.status = :running AND j.leaseUntilMs >= :now")
                .setParameter("stopping", ImportStatus.STOPPING).setParameter("running", ImportStatus.RUNNING)
                .setParameter("id", id).setParameter("org", orgId).setParameter("now", now).executeUpdate();
        if (flagged == 1) {
            return Optional.of(ImportStatus.STOPPING);
        }
        int stopped = em.createQuery("UPDATE ImportJob j SET j.status = :stopped, j.stopRequested = FALSE,"
                        + " j.fence = j.fence + 1, j.endedOnMs = :now, j.message = :message"
                        + " WHERE j.id = :id AND j.orgId = :org AND j.status IN :live AND j.leaseUntilMs < :now")
                .setParameter("stopped", ImportStatus.STOPPED).setParameter("now", now)
                .setParameter("message", "Stopped; no instance was working on it. Restart resumes where it was.")
                .setParameter("id", id).setParameter("org", orgId).setParameter("live", LIVE).executeUpdate();
        return stopped == 1 ? Optional.of(ImportStatus.STOPPED) : Optional.empty();
    }

    /** An abandoned import that was asked to stop: it is STOPPED now, not resumed. */
    public boolean stopAbandoned(String id) {
        long now = System.currentTimeMillis();
        return em.createQuery("UPDATE ImportJob j SET j.status = :stopped, j.stopRequested = FALSE,"
                        + " j.fence = j.fence + 1, j.endedOnMs = :now, j.message = :message"
                        + " WHERE j.id = :id AND j.status = :stopping AND j.leaseUntilMs < :now")
                .setParameter("stopped", ImportStatus.STOPPED).setParameter("stopping", ImportStatus.STOPPING)
                .setParameter("now", now).setParameter("message", "Stopped on request; restart resumes where it was.")
                .setParameter("id", id).executeUpdate() == 1;
    }

    public void executionStarted(String id, long fence, long executionId) {
        em.createQuery("UPDATE ImportJob j SET j.executionId = :execution WHERE j.id = :id AND j.fence = :fence")
                .setParameter("execution", executionId).setParameter("id", id).setParameter("fence", fence)
                .executeUpdate();
    }

    /** Records how the import ended, if this token still owns it; false when another execution took it over. */
    public boolean ended(String id, long fence, ImportStatus status, String message, String filePath) {
        return em.createQuery("UPDATE ImportJob j SET j.status = :status, j.message = :message, j.filePath = :path,"
                        + " j.endedOnMs = :now, j.stopRequested = FALSE, j.leaseUntilMs = NULL"
                        + " WHERE j.id = :id AND j.fence = :fence")
                .setParameter("status", status).setParameter("message", message).setParameter("path", filePath)
                .setParameter("now", System.currentTimeMillis()).setParameter("id", id).setParameter("fence", fence)
                .executeUpdate() == 1;
    }

    /**
     * One chunk's results and the reader's position after it, in the chunk's transaction: either all of it
     * (earns or activities, counters, rejects, checkpoint) is committed, or none of it.
     */
    public void recordChunk(String id, long fence, long read, ChunkResult result, long nextLine, long nextOffset,
                            Duration lease) {
        long now = System.currentTimeMillis();
        // the fencing check and the checkpoint are one statement in the chunk's transaction: an execution that lost
        // the import rolls back every earn of its chunk here
        int updated = em.createQuery("UPDATE ImportJob j SET j.rowsRead = j.rowsRead + :read,"
                        + " j.rowsEarned = j.rowsEarned + :earned, j.rowsRecorded = j.rowsRecorded + :recorded,"
                        + " j.rowsDuplicate = j.rowsDuplicate + :duplicate,"
                        + " j.rowsRejected = j.rowsRejected + :rejected, j.nextLine = :line, j.nextOffset = :offset,"
                        + " j.heartbeatOnMs = :now, j.leaseUntilMs = :until"
                        + " WHERE j.id = :id AND j.fence = :fence AND j.owner = :me AND j.status IN :live")
                .setParameter("read", read).setParameter("earned", result.earned())
                .setParameter("recorded", result.recorded()).setParameter("duplicate", result.duplicate())
                .setParameter("rejected", (long) result.rejects().size()).setParameter("line", nextLine)
                .setParameter("offset", nextOffset).setParameter("now", now)
                .setParameter("until", now + lease.toMillis()).setParameter("id", id).setParameter("fence", fence)
                .setParameter("me", Instance.ID).setParameter("live", LIVE).executeUpdate();
        if (updated != 1) {
            throw new ImportLeaseLost(id, fence);
        }
        writeRejects(id, result.rejects());
    }

    /**
     * Inserts a chunk's rejects, passing over a line that already has one: an embedded H2 killed mid-chunk may
     * keep a reject of the interrupted chunk, which the resumed chunk writes again (as it counts a surviving earn of
     * its own line as earned). A plain insert would fail the import on the primary key.
     */
    private void writeRejects(String id, List<ImportReject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        try {
            Connection c = Persistence.connection(em);
            try (PreparedStatement insert = c.prepareStatement(Jdbc.isPostgres(c) ? INSERT_REJECT : MERGE_REJECT)) {
                for (ImportReject r : rejects) {
                    insert.setString(1, id);
                    insert.setLong(2, r.lineNumber());
                    insert.setInt(3, r.code());
                    insert.setString(4, r.reference());
                    insert.setString(5, r.message());
                    // PostgreSQL text cannot hold NUL; the rejects file keeps the line exactly as it came
                    insert.setString(6, r.line() == null ? null : r.line().replace('\u0000', '\uFFFD'));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot write the rejects of import " + id, e);
        }
    }

    /** Rejected rows by error code, most frequent first. */
    public Map<Integer, Long> errorCounts(String id) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        em.createQuery("SELECT r.code, COUNT(r) FROM ImportReject r WHERE r.importId = :id GROUP BY r.code"
                        + " ORDER BY COUNT(r) DESC, r.code", Object[].class)
                .setParameter("id", id).getResultList()
                .forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** A page of rejects in line order, after {@code afterLine}; pages keep memory flat for huge files. */
    public List<ImportReject> rejects(String id, long afterLine, int pageSize) {
        return em.createQuery("SELECT r FROM ImportReject r WHERE r.importId = :id AND r.lineNumber > :after"
                        + " ORDER BY r.lineNumber", ImportReject.class)
                .setParameter("id", id).setParameter("after", afterLine).setMaxResults(pageSize).getResultList();
    }
}
