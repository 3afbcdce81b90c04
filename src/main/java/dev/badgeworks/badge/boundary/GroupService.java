package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Pagination;
import dev.badgeworks.badge.control.GroupRequest;
import dev.badgeworks.badge.entity.BadgeGroup;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.store.BadgeGroups;
import dev.badgeworks.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** An org's badge groups (§2.8, §3.18): names unique among active groups, decided by the database. */
@ApplicationScoped
@Transactional
public class GroupService {

    @Inject
    BadgeGroups groups;

    Clock clock = Clock.systemUTC();

    public DefinitionViews.GroupView create(long orgId, BadgeMeta.Author author, GroupRequest request) {
        BadgeGroup group = new BadgeGroup(Ids.newId(), orgId, request.name(), request.rank(), author, clock.millis());
        if (Boolean.FALSE.equals(request.active())) {
            group.change(request.name(), request.rank(), false, author, clock.millis());
        }
        groups.add(group);
        return DefinitionViews.GroupView.of(group);
    }

    /** A full update; with {@code isActive} it disables the group (freeing its name) or enables it again. */
    public DefinitionViews.GroupView update(long orgId, BadgeMeta.Author author, String id, GroupRequest request) {
        BadgeGroup group = find(orgId, id);
        group.change(request.name(), request.rank(), request.active(), author, clock.millis());
        groups.written();
        return DefinitionViews.GroupView.of(group);
    }

    /** The org's group, active or not: a badge still names a disabled group. */
    public DefinitionViews.GroupView get(long orgId, String id) {
        return DefinitionViews.GroupView.of(find(orgId, id));
    }

    public DefinitionViews.GroupList list(long orgId, boolean descending, int page, int size) {
        return new DefinitionViews.GroupList(groups.activePage(orgId, descending, page, size).stream()
                .map(DefinitionViews.GroupView::of).toList(), Pagination.of(page, size, groups.countActive(orgId)));
    }

    private BadgeGroup find(long orgId, String id) {
        BadgeGroup group = groups.find(orgId, id);
        if (group == null) {
            throw ErrorCode.GROUP_NOT_FOUND.exception("groupId");
        }
        return group;
    }
}
