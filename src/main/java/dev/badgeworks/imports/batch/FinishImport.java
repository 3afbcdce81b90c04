package dev.badgeworks.imports.batch;

import dev.badgeworks.imports.boundary.ImportCompletion;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Last step, reached only when every line was read: report, rejects file, file to done/. */
@Named("finishImport")
@Dependent
public class FinishImport extends AbstractBatchlet {

    @Inject
    ImportRun run;

    @Inject
    ImportCompletion completion;

    @Override
    public String process() {
        completion.completed(run.importId(), run.fence());
        return "COMPLETED";
    }
}
