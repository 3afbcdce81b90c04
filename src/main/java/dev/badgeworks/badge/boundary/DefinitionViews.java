package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Pagination;
import dev.badgeworks.badge.control.TagDefinitions;
import dev.badgeworks.badge.entity.Authorship;
import dev.badgeworks.badge.entity.BadgeGroup;
import dev.badgeworks.badge.entity.CustomField;
import dev.badgeworks.badge.entity.DataType;
import dev.badgeworks.badge.entity.OrgMeta;
import jakarta.json.JsonArray;
import java.math.BigDecimal;
import java.util.List;

/**
 * The org-level definitions as the API answers them (§2.8–2.10): groups, custom fields and org meta, with the
 * authorship fields badges carry ({@code createdBy} the user's id, {@code createdByName} beside it).
 */
public final class DefinitionViews {

    private DefinitionViews() {
    }

    public record GroupView(String id, long orgId, String name, int rank, boolean isActive, BigDecimal createdOn,
                            String createdOnISO, Long createdBy, String createdByName, BigDecimal lastUpdatedOn,
                            String lastUpdatedOnISO, Long lastUpdatedBy, String lastUpdatedByName) {

        static GroupView of(BadgeGroup g) {
            Authorship a = g.authorship();
            return new GroupView(g.id(), g.orgId(), g.name(), g.rank(), g.active(), ApiTime.legacy(a.createdOnMs()),
                    ApiTime.iso(a.createdOnMs()), a.createdById(), a.createdBy(), ApiTime.legacy(a.lastUpdatedOnMs()),
                    ApiTime.iso(a.lastUpdatedOnMs()), a.lastUpdatedById(), a.lastUpdatedBy());
        }
    }

    /** {@code GET /group}: {@code data.badgeGroups[]} and {@code data.pagination}. */
    public record GroupList(List<GroupView> badgeGroups, Pagination pagination) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    public record CustomFieldView(String id, long orgId, String name, boolean isMandatory, String defaultValue,
                                  boolean isActive, DataType dataType, BigDecimal createdOn, String createdOnISO,
                                  Long createdBy, String createdByName, BigDecimal lastUpdatedOn,
                                  String lastUpdatedOnISO, Long lastUpdatedBy, String lastUpdatedByName) {

        static CustomFieldView of(CustomField f) {
            Authorship a = f.authorship();
            return new CustomFieldView(f.id(), f.orgId(), f.name(), f.mandatory(), f.defaultValue(), f.active(),
                    f.dataType(), ApiTime.legacy(a.createdOnMs()), ApiTime.iso(a.createdOnMs()), a.createdById(),
                    a.createdBy(), ApiTime.legacy(a.lastUpdatedOnMs()), ApiTime.iso(a.lastUpdatedOnMs()),
                    a.lastUpdatedById(), a.lastUpdatedBy());
        }
    }

    /** {@code GET /customField}: {@code data.customFieldROList[]} and {@code data.pagination}. */
    public record CustomFieldList(List<CustomFieldView> customFieldROList, Pagination pagination) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    public record OrgMetaView(String id, long orgId, JsonArray tags, BigDecimal createdOn, String createdOnISO,
                              Long createdBy, String createdByName, BigDecimal lastUpdatedOn, String lastUpdatedOnISO,
                              Long lastUpdatedBy, String lastUpdatedByName) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        static OrgMetaView of(OrgMeta m) {
            Authorship a = m.authorship();
            return new OrgMetaView(m.id(), m.orgId(), TagDefinitions.asJson(m.tags()), ApiTime.legacy(a.createdOnMs()),
                    ApiTime.iso(a.createdOnMs()), a.createdById(), a.createdBy(), ApiTime.legacy(a.lastUpdatedOnMs()),
                    ApiTime.iso(a.lastUpdatedOnMs()), a.lastUpdatedById(), a.lastUpdatedBy());
        }
    }
}
