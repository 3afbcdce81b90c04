package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportReject;
import dev.badgeworks.imports.entity.ImportStatus;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything imports keep in the database: the import rows, their chunk counters and checkpoints, rejects. */
@Stateless
public class ImportLedger {

    private static final String INSERT_REJECT = "INSERT INTO import_reject (import_id, line_number, code, message,"
            + " line) VALUES (?, ?, ?, ?, ?) ON CONFLICT (import_id, line_number) DO NOTHING";
    private static final String MERGE_REJECT = "MERGE INTO import_reject t USING (VALUES (?, ?, ?, ?, ?))"
            + " AS s (import_id, line_number, code, message, line)"
            + " ON t.import_id = s.import_id AND t.line_number = s.line_number"
            + " WHEN NOT MATCHED THEN INSERT (import_id, line_number, code, message, line)"
            + " VALUES (s.import_id, s.line_number, s.code, s.message, s.line)";

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

    /** The first inspection of the file: hash, row count and where the data starts. */
    public void inspected(String id, String contentHash, long rows, long firstLine, long firstOffset) {
        em.createQuery("UPDATE ImportJob j SET j.contentHash = :hash, j.rowsTotal = :rows, j.nextLine = :line,"
                        + " j.nextOffset = :offset WHERE j.id = :id")
                .setParameter("hash", contentHash).setParameter("rows", rows).setParameter("line", firstLine)
                .setParameter("offset", firstOffset).setParameter("id", id).executeUpdate();
    }

    /** Marked before the batch execution starts, so a fast-failing execution cannot be overwritten by it. */
    public void starting(String id) {
        em.find(ImportJob.class, id).starting(System.currentTimeMillis());
    }

    public void executionStarted(String id, long executionId) {
        em.createQuery("UPDATE ImportJob j SET j.executionId = :execution WHERE j.id = :id")
                .setParameter("execution", executionId).setParameter("id", id).executeUpdate();
    }

    public void setStatus(String id, ImportStatus status) {
        em.find(ImportJob.class, id).setStatus(status);
    }

    public void ended(String id, ImportStatus status, String message, String filePath) {
        em.find(ImportJob.class, id).ended(status, message, filePath, System.currentTimeMillis());
    }

    /**
     * One chunk's results and the reader's position after it, in the chunk's transaction: either all of it
     * (earns, counters, rejects, checkpoint) is committed, or none of it.
     */
    public void recordChunk(String id, long read, long earned, long duplicate, List<ImportReject> rejects,
                            long nextLine, long nextOffset) {
        em.createQuery("UPDATE ImportJob j SET j.rowsRead = j.rowsRead + :read, j.rowsEarned = j.rowsEarned + :earned,"
                        + " j.rowsDuplicate = j.rowsDuplicate + :duplicate, j.rowsRejected = j.rowsRejected + :rejected,"
                        + " j.nextLine = :line, j.nextOffset = :offset, j.heartbeatOnMs = :now WHERE j.id = :id")
                .setParameter("read", read).setParameter("earned", earned).setParameter("duplicate", duplicate)
                .setParameter("rejected", (long) rejects.size()).setParameter("line", nextLine)
                .setParameter("offset", nextOffset).setParameter("now", System.currentTimeMillis())
                .setParameter("id", id).executeUpdate();
        writeRejects(id, rejects);
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
            Connection c = em.unwrap(Connection.class);
            try (PreparedStatement insert = c.prepareStatement(Jdbc.isPostgres(c) ? INSERT_REJECT : MERGE_REJECT)) {
                for (ImportReject r : rejects) {
                    insert.setString(1, id);
                    insert.setLong(2, r.lineNumber());
                    insert.setInt(3, r.code());
                    insert.setString(4, r.message());
                    // PostgreSQL text cannot hold NUL; the rejects file keeps the line exactly as it came
                    insert.setString(5, r.line() == null ? null : r.line().replace('\u0000', '\uFFFD'));
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

    /** Claims one scheduled slot for this instance; false when another instance claimed it first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimSlot(String name, String slot, String instance) {
        try {
            em.createNativeQuery("INSERT INTO scheduler_run (name, slot, instance, created_on_ms) VALUES (?, ?, ?, ?)")
                    .setParameter(1, name).setParameter(2, slot).setParameter(3, instance)
                    .setParameter(4, System.currentTimeMillis()).executeUpdate();
            return true;
        } catch (PersistenceException e) {
            if (Persistence.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
