package dev.badgeworks.badge.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A badge definition ("badge meta"). Free-form parts the service stores and echoes but does not interpret
 * (images, benefits, tags, custom fields) and the constraints are kept as validated JSON text; the constraints are
 * read into {@link EarnLimits} when earns need them.
 */
@Entity
@Table(name = "badge_meta")
public class BadgeMeta {

    @Id
    private String id;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "start_on_ms", nullable = false)
    private long startOnMs;

    @Column(name = "expires_on_ms", nullable = false)
    private long expiresOnMs;

    @Enumerated(EnumType.STRING)
    @Column(name = "earn_type", nullable = false)
    private EarnType earnType;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private String owners;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "expiryType", column = @Column(name = "earned_expiry_type")),
        @AttributeOverride(name = "relativeUnit", column = @Column(name = "earned_relative_unit")),
        @AttributeOverride(name = "relativeValue", column = @Column(name = "earned_relative_value")),
        @AttributeOverride(name = "absoluteType", column = @Column(name = "earned_absolute_type")),
        @AttributeOverride(name = "fixedExpiresOnMs", column = @Column(name = "earned_fixed_expires_on_ms"))
    })
    private ExpiryRule earnedExpiry;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "expiryType", column = @Column(name = "issued_expiry_type")),
        @AttributeOverride(name = "relativeUnit", column = @Column(name = "issued_relative_unit")),
        @AttributeOverride(name = "relativeValue", column = @Column(name = "issued_relative_value")),
        @AttributeOverride(name = "absoluteType", column = @Column(name = "issued_absolute_type")),
        @AttributeOverride(name = "fixedExpiresOnMs", column = @Column(name = "issued_fixed_expires_on_ms"))
    })
    private ExpiryRule issuedExpiry;

    @Column(name = "customer_constraints")
    private String customerConstraints;

    @Column(name = "badge_constraints")
    private String badgeConstraints;

    private String images;

    private String benefits;

    private String tags;

    @Column(name = "custom_fields")
    private String customFields;

    @Column(name = "badge_group_id")
    private String badgeGroupId;

    @Column(name = "badge_rank")
    private Integer badgeRank;

    @Column(name = "default_till_id")
    private Long defaultTillId;

    @Column(name = "earn_rule")
    private String earnRule;

    @Column(name = "earn_rule_activity")
    private String earnRuleActivity;

    @Column(name = "created_on_ms", nullable = false)
    private long createdOnMs;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_by_id")
    private Long createdById;

    @Column(name = "last_updated_on_ms", nullable = false)
    private long lastUpdatedOnMs;

    @Column(name = "last_updated_by")
    private String lastUpdatedBy;

    @Column(name = "last_updated_by_id")
    private Long lastUpdatedById;

    @Column(name = "badge_numeric_id")
    private Long badgeNumericId;

    @Version
    private long version;

    /** Raised by every claim change (BadgeService), never written through the entity: see BadgeDefinitions. */
    @Column(name = "claims_version", insertable = false, updatable = false)
    private long claimsVersion;

    /** The constraints as enforced, read once per loaded badge. */
    @Transient
    private EarnLimits limits;

    protected BadgeMeta() {
    }

    /** A new badge: active unless its first definition says otherwise. */
    public BadgeMeta(String id, long orgId, Long badgeNumericId, Author author, long nowMs) {
        this.id = id;
        this.orgId = orgId;
        this.badgeNumericId = badgeNumericId;
        this.createdBy = author.name();
        this.createdById = author.id();
        this.createdOnMs = nowMs;
        this.active = true;
    }

    /**
     * The API user behind a change: its id, answered as {@code createdBy}/{@code lastUpdatedBy} (Capillary's schema
     * types them as integers), and its name, answered beside them (docs/decisions.md, "Answer shapes").
     */
    public record Author(long id, String name) {
    }

    /** Everything a create or full update sets; claims are never set this way. */
    public void define(BadgeDefinition d, Author user, long nowMs) {
        this.name = d.name();
        this.description = d.description();
        this.startOnMs = d.startOn().toEpochMilli();
        this.expiresOnMs = d.expiresOn().toEpochMilli();
        this.earnType = d.earnType();
        if (d.active() != null) {
            this.active = d.active();
        }
        this.owners = d.owners().stream().map(Enum::name).sorted().collect(Collectors.joining(",", ",", ","));
        this.earnedExpiry = d.earnedExpiry();
        this.issuedExpiry = d.earnType() == EarnType.ISSUE_EARN ? d.issuedExpiry() : null;
        this.customerConstraints = d.customerConstraints();
        this.badgeConstraints = d.badgeConstraints();
        this.limits = null;
        this.images = d.images();
        this.benefits = d.benefits();
        this.tags = d.tags();
        this.customFields = d.customFields();
        this.badgeGroupId = d.badgeGroupId();
        this.badgeRank = d.badgeRank();
        this.defaultTillId = d.defaultTillId();
        this.earnRule = d.earnRule() == null ? null : d.earnRule().json();
        this.earnRuleActivity = d.earnRule() == null ? null : d.earnRule().activity();
        touch(user, nowMs);
    }

    public void setActive(boolean active, Author user, long nowMs) {
        this.active = active;
        touch(user, nowMs);
    }

    private void touch(Author user, long nowMs) {
        this.lastUpdatedBy = user.name();
        this.lastUpdatedById = user.id();
        this.lastUpdatedOnMs = nowMs;
    }

    public BadgeStatus statusAt(long nowMs) {
        return BadgeStatus.at(startOnMs, expiresOnMs, nowMs);
    }

    /** The LIKE pattern that finds badges owned by this owner type in the owners column. */
    public static String ownerPattern(OwnerType owner) {
        return "%," + owner.name() + ",%";
    }

    public Set<OwnerType> owners() {
        Set<OwnerType> set = EnumSet.noneOf(OwnerType.class);
        Arrays.stream(owners.split(",")).filter(s -> !s.isEmpty()).map(OwnerType::valueOf).forEach(set::add);
        return set;
    }

    public String id() {
        return id;
    }

    public long orgId() {
        return orgId;
    }

    /** The badge's number within its org: 1, 2, 3 … in creation order. */
    public Long badgeNumericId() {
        return badgeNumericId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Instant startOn() {
        return Instant.ofEpochMilli(startOnMs);
    }

    public Instant expiresOn() {
        return Instant.ofEpochMilli(expiresOnMs);
    }

    public long startOnMs() {
        return startOnMs;
    }

    public long expiresOnMs() {
        return expiresOnMs;
    }

    public EarnType earnType() {
        return earnType;
    }

    public boolean active() {
        return active;
    }

    public ExpiryRule earnedExpiry() {
        return earnedExpiry;
    }

    public ExpiryRule issuedExpiry() {
        return issuedExpiry;
    }

    public String customerConstraints() {
        return customerConstraints;
    }

    public String badgeConstraints() {
        return badgeConstraints;
    }

    public EarnLimits limits() {
        if (limits == null) {
            limits = EarnLimits.of(customerConstraints, badgeConstraints);
        }
        return limits;
    }

    public String images() {
        return images;
    }

    public String benefits() {
        return benefits;
    }

    public String tags() {
        return tags;
    }

    public String customFields() {
        return customFields;
    }

    public String badgeGroupId() {
        return badgeGroupId;
    }

    /** The activity rule's canonical JSON (triggeredBy included), or null when only earn requests earn it. */
    public String earnRule() {
        return earnRule;
    }

    public Integer badgeRank() {
        return badgeRank;
    }

    public Long defaultTillId() {
        return defaultTillId;
    }

    public long createdOnMs() {
        return createdOnMs;
    }

    public Long createdById() {
        return createdById;
    }

    public Long lastUpdatedById() {
        return lastUpdatedById;
    }

    public String createdBy() {
        return createdBy;
    }

    public long lastUpdatedOnMs() {
        return lastUpdatedOnMs;
    }

    /** Incremented by every write of the row; its ETag on the API. */
    public long version() {
        return version;
    }

    public long claimsVersion() {
        return claimsVersion;
    }

    public String lastUpdatedBy() {
        return lastUpdatedBy;
    }
}
