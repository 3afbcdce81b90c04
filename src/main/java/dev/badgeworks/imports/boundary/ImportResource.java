package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Pagination;
import dev.badgeworks.api.QueryParams;
import dev.badgeworks.imports.control.ImportReport;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.store.ImportLedger;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * File imports of earns or of activities (the file says which, see FileInspector). POST with a JSON body
 * {@code {"path": "..."}} imports a file from the caller's inbox folder; POST with a CSV or JSON-lines body uploads
 * the file itself ({@code ?fileName=}).
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    public record ImportList(List<ImportView> imports, Pagination pagination) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    ImportService imports;

    @Inject
    InboxScan inbox;

    @Inject
    ImportLedger ledger;

    @POST
    public Response submit(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @QueryParam("fileName") String fileName, InputStream body) throws IOException {
        long orgId = caller.orgId();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        ImportJob job;
        if (type.startsWith(MediaType.APPLICATION_JSON)) {
            JsonInput in = JsonInput.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            String path = in.text("path", 1000, ErrorCode.FIELD_REQUIRED);
            in.throwIfInvalid();
            job = imports.fromInbox(orgId, path, "API");
        } else if (type.startsWith("text/csv") || type.startsWith("application/x-ndjson")
                || type.startsWith("application/jsonl") || type.startsWith("application/octet-stream")) {
            String name = fileName != null ? fileName : type.startsWith("text/csv") ? "upload.csv" : "upload.jsonl";
            job = imports.upload(orgId, name, body);
        } else {
            throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception(null, "Send application/json {\"path\": ...} for an inbox"
                    + " file, or the file itself as text/csv or application/x-ndjson.");
        }
        return Response.accepted(Envelope.of(view(job))).build();
    }

    @GET
    public Envelope<ImportList> list(@QueryParam("page") String pageParam, @QueryParam("size") String sizeParam) {
        // read as text: a JAX-RS int parameter that is not a number answers 404, not a clear 400
        List<ApiError> errors = new ArrayList<>();
        int page = QueryParams.integer(pageParam, "page", 0, 0, Integer.MAX_VALUE, errors);
        int size = QueryParams.integer(sizeParam, "size", 20, 1, 200, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        long total = ledger.count(caller.orgId());
        long now = System.currentTimeMillis();
        List<ImportView> views = ledger.list(caller.orgId(), page, size).stream()
                .map(j -> shown(ImportView.of(j, null, now))).toList();
        return Envelope.of(new ImportList(views, Pagination.of(page, size, total)));
    }

    @GET
    @Path("{importId}")
    public Envelope<ImportView> get(@PathParam("importId") String importId) {
        return Envelope.of(view(ledger.find(caller.orgId(), importId)));
    }

    @POST
    @Path("{importId}/stop")
    public Envelope<ImportView> stop(@PathParam("importId") String importId) {
        return Envelope.of(view(imports.stop(caller.orgId(), importId)));
    }

    @POST
    @Path("{importId}/restart")
    public Envelope<ImportView> restart(@PathParam("importId") String importId) {
        return Envelope.of(view(imports.restart(caller.orgId(), importId)));
    }

    /** A reject as the console shows it: the line, the error's code and field, the reason and the line's text. */
    public record RejectView(long line, int code, String reference, String reason, String original) {
    }

    /** A page of rejects in line order; {@code afterLine} of the next page is the last line of this one. */
    public record RejectPage(List<RejectView> rejects, Long nextAfterLine) {
    }

    @GET
    @Path("{importId}/rejects")
    public Envelope<RejectPage> rejects(@PathParam("importId") String importId,
                                        @QueryParam("afterLine") String afterParam,
                                        @QueryParam("size") String sizeParam) {
        List<ApiError> errors = new ArrayList<>();
        long after = QueryParams.integer(afterParam, "afterLine", 0, 0, Integer.MAX_VALUE, errors);
        int size = QueryParams.integer(sizeParam, "size", 100, 1, 1000, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        ImportJob job = ledger.find(caller.orgId(), importId);
        List<RejectView> page = ledger.rejects(job.id(), after, size).stream().map(r -> new RejectView(
                r.lineNumber(), r.code(), r.reference(), r.message(), r.line())).toList();
        return Envelope.of(new RejectPage(page, page.size() < size ? null : page.get(page.size() - 1).line()));
    }

    /** The rejects as the rejects file beside a finished import holds them (so far, while it runs). */
    @GET
    @Path("{importId}/rejects.csv")
    @Produces("text/csv")
    public Response rejectsFile(@PathParam("importId") String importId) {
        ImportJob job = ledger.find(caller.orgId(), importId);
        StreamingOutput csv = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ImportReport.writeRejects(writer, after -> ledger.rejects(job.id(), after, 1000));
        };
        return Response.ok(csv, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + job.id() + ".rejects.csv\"").build();
    }

    /** Imports every complete file in the caller's inbox folder now, as the nightly scan would. */
    @POST
    @Path("scan")
    public Envelope<List<ImportView>> scan() {
        return Envelope.of(inbox.scanInbox(caller.orgId()).stream().map(this::view).toList());
    }

    private ImportView view(ImportJob job) {
        return shown(ImportView.of(job, ledger.errorCounts(job.id()), System.currentTimeMillis()));
    }

    private ImportView shown(ImportView view) {
        return caller.isAdmin() ? view : view.withoutInstance();
    }
}
