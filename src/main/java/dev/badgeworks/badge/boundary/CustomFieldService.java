package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Pagination;
import dev.badgeworks.badge.control.CustomFieldRequest;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CustomField;
import dev.badgeworks.badge.store.CustomFields;
import dev.badgeworks.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** An org's custom field definitions (§2.9, §3.19): one active field per name, decided by the database. */
@ApplicationScoped
@Transactional
public class CustomFieldService {

    @Inject
    CustomFields fields;

    Clock clock = Clock.systemUTC();

    public DefinitionViews.CustomFieldView create(long orgId, BadgeMeta.Author author, CustomFieldRequest request) {
        CustomField field = new CustomField(Ids.newId(), orgId, request.name(), request.dataType(), request.mandatory(),
                request.defaultValue(), author, clock.millis());
        if (Boolean.FALSE.equals(request.active())) {
            field.change(request.name(), request.mandatory(), request.defaultValue(), false, author, clock.millis());
        }
        fields.add(field);
        return DefinitionViews.CustomFieldView.of(field);
    }

    public DefinitionViews.CustomFieldView update(long orgId, BadgeMeta.Author author, String id,
                                                  CustomFieldRequest request) {
        CustomField field = find(orgId, id, false);
        List<ApiError> errors = request.asUpdateOf(field);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        field.change(request.name(), request.mandatory(), request.defaultValue(),
                request.active() == null ? field.active() : request.active(), author, clock.millis());
        fields.written();
        return DefinitionViews.CustomFieldView.of(field);
    }

    /** An active field of the org: GETs show active fields only (§2.9), so a disabled one is not found. */
    public DefinitionViews.CustomFieldView get(long orgId, String id) {
        return DefinitionViews.CustomFieldView.of(find(orgId, id, true));
    }

    public DefinitionViews.CustomFieldList list(long orgId, boolean descending, int page, int size) {
        return new DefinitionViews.CustomFieldList(fields.activePage(orgId, descending, page, size).stream()
                .map(DefinitionViews.CustomFieldView::of).toList(), Pagination.of(page, size, fields.countActive(orgId)));
    }

    private CustomField find(long orgId, String id, boolean activeOnly) {
        CustomField field = fields.find(orgId, id);
        if (field == null || (activeOnly && !field.active())) {
            throw ErrorCode.CUSTOM_FIELD_NOT_FOUND.exception("customFieldId");
        }
        return field;
    }
}
