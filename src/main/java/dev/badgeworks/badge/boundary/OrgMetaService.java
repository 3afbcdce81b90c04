package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.OrgMeta;
import dev.badgeworks.badge.store.OrgMetas;
import dev.badgeworks.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The org's badge tag definitions (§2.10): created once, then read and replaced. */
@ApplicationScoped
@Transactional
public class OrgMetaService {

    @Inject
    OrgMetas metas;

    Clock clock = Clock.systemUTC();

    public DefinitionViews.OrgMetaView create(long orgId, BadgeMeta.Author author, String tags) {
        OrgMeta meta = new OrgMeta(Ids.newId(), orgId, tags, author, clock.millis());
        metas.add(meta);
        return DefinitionViews.OrgMetaView.of(meta);
    }

    public DefinitionViews.OrgMetaView update(long orgId, BadgeMeta.Author author, String tags) {
        OrgMeta meta = find(orgId);
        meta.change(tags, author, clock.millis());
        metas.written();
        return DefinitionViews.OrgMetaView.of(meta);
    }

    public DefinitionViews.OrgMetaView get(long orgId) {
        return DefinitionViews.OrgMetaView.of(find(orgId));
    }

    private OrgMeta find(long orgId) {
        OrgMeta meta = metas.find(orgId);
        if (meta == null) {
            throw ErrorCode.ORG_META_NOT_FOUND.exception();
        }
        return meta;
    }
}
