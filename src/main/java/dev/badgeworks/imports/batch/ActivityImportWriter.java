package dev.badgeworks.imports.batch;

import dev.badgeworks.activity.boundary.ActivityService;
import dev.badgeworks.activity.control.ActivityOutcome;
import dev.badgeworks.activity.control.Settlement;
import dev.badgeworks.imports.control.ActivityRow;
import dev.badgeworks.imports.control.ChunkResult;
import dev.badgeworks.imports.entity.ImportReject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a chunk of an activity file to the activity service in one call, as {@code POST /activities/bulk} does: the
 * same idempotency and checks. Its rules are settled once the file has been read ({@link SettleActivities}): a
 * customer whose activities are spread over the file is replayed once, not once per chunk.
 */
@Named("activityImportWriter")
@Dependent
public class ActivityImportWriter extends ImportChunkWriter<ActivityRow> {

    @Inject
    ActivityService activities;

    public ActivityImportWriter() {
        super(ActivityRow.class);
    }

    @Override
    ChunkResult write(long orgId, List<ActivityRow> rows) {
        List<ActivityOutcome> outcomes = activities.recordAll(orgId, rows, Settlement.DEFERRED);
        long recorded = 0;
        long duplicate = 0;
        List<ImportReject> rejects = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ActivityOutcome outcome = outcomes.get(i);
            switch (outcome.kind()) {
                case RECORDED -> recorded++;
                case DUPLICATE -> duplicate++;
                case CONFLICT, REJECTED -> rejects.add(reject(rows.get(i), outcome.error()));
            }
        }
        return new ChunkResult(0, recorded, duplicate, rejects);
    }
}
