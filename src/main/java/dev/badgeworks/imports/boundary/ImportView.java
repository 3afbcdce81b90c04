package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * An import as the API (and the summary report) shows it; {@code kind} is what the file holds (EARN or ACTIVITY,
 * null until the inspection pass has read it), {@code rowsEarned} the rows of an earn file that earned and
 * {@code rowsRecorded} the activities an activity file recorded (the earns its activities made are the badges');
 * {@code instance} is the instance running it (while RUNNING or STOPPING; shown to admins only: a process id and
 * host name are an operator's detail, not a user's) and {@code takeovers} how often another instance resumed it
 * after its owner was gone.
 */
public record ImportView(String id, String fileName, String format, String kind, String source, String status,
                         String message, Long rowsTotal, long rowsRead, long rowsEarned, long rowsRecorded,
                         long rowsDuplicate, long rowsRejected, Progress progress, Map<String, Long> errorCounts,
                         BigDecimal createdOn, String createdOnISO, BigDecimal startedOn, String startedOnISO,
                         BigDecimal endedOn, String endedOnISO, BigDecimal rowsPerSecond, String instance,
                         int takeovers) {

    public record Progress(long done, Long total, BigDecimal percent) {
    }

    public static ImportView of(ImportJob j, Map<Integer, Long> errorCounts, long nowMs) {
        return of(j, j.status().name(), j.message(), j.endedOnMs(), errorCounts, nowMs);
    }

    /** As an org's user sees it: without the instance running it. */
    public ImportView withoutInstance() {
        return new ImportView(id, fileName, format, kind, source, status, message, rowsTotal, rowsRead, rowsEarned,
                rowsRecorded, rowsDuplicate, rowsRejected, progress, errorCounts, createdOn, createdOnISO, startedOn,
                startedOnISO, endedOn, endedOnISO, rowsPerSecond, null, takeovers);
    }

    /** The view of an import as it will be once it has ended with this status (for its report). */
    public static ImportView of(ImportJob j, String status, String message, Long endedOnMs,
                                Map<Integer, Long> errorCounts, long nowMs) {
        Long total = j.rowsTotal();
        BigDecimal percent = total == null ? null : total == 0 ? BigDecimal.valueOf(100)
                : BigDecimal.valueOf(j.rowsRead() * 100.0 / total).setScale(1, RoundingMode.HALF_UP);
        BigDecimal rate = null;
        if (j.startedOnMs() != null) {
            long elapsed = (endedOnMs != null ? endedOnMs : nowMs) - j.startedOnMs();
            rate = elapsed <= 0 ? null : BigDecimal.valueOf(j.rowsRead() * 1000.0 / elapsed).setScale(1, RoundingMode.HALF_UP);
        }
        Map<String, Long> counts = errorCounts == null ? null : new java.util.LinkedHashMap<>();
        if (errorCounts != null) {
            errorCounts.forEach((code, n) -> counts.put(Integer.toString(code), n));
        }
        return new ImportView(j.id(), j.fileName(), j.format().name(), j.kind() == null ? null : j.kind().name(),
                j.source(), status, message, total, j.rowsRead(), j.rowsEarned(), j.rowsRecorded(), j.rowsDuplicate(),
                j.rowsRejected(), new Progress(j.rowsRead(), total, percent), counts,
                ApiTime.legacy(j.createdOnMs()), ApiTime.iso(j.createdOnMs()),
                ApiTime.legacy(j.startedOnMs()), ApiTime.iso(j.startedOnMs()),
                ApiTime.legacy(endedOnMs), ApiTime.iso(endedOnMs), rate,
                j.status() == ImportStatus.RUNNING || j.status() == ImportStatus.STOPPING ? j.owner() : null,
                j.takeovers());
    }
}
