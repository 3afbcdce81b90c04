package dev.badgeworks.badge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When an earned badge (earnedBadgeExpiry) or an enrolment (issuedBadgeExpiry) stops being valid.
 * RELATIVE counts from the processing time, not the event time, as the reference's retro rules say; months
 * are calendar months in UTC. NEVER is answered as processing time + 100 years, the reference's value, so
 * clients comparing dates never see a null.
 */
@Embeddable
public class ExpiryRule {

    public static final int NEVER_YEARS = 100;

    @Enumerated(EnumType.STRING)
    @Column(name = "expiry_type")
    private ExpiryType expiryType;

    @Enumerated(EnumType.STRING)
    @Column(name = "relative_unit")
    private RelativeUnit relativeUnit;

    @Column(name = "relative_value")
    private Integer relativeValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "absolute_type")
    private AbsoluteType absoluteType;

    @Column(name = "fixed_expires_on_ms")
    private Long fixedExpiresOnMs;

    protected ExpiryRule() {
    }

    public ExpiryRule(ExpiryType expiryType, RelativeUnit relativeUnit, Integer relativeValue,
                      AbsoluteType absoluteType, Long fixedExpiresOnMs) {
        this.expiryType = expiryType;
        this.relativeUnit = expiryType == ExpiryType.RELATIVE ? relativeUnit : null;
        this.relativeValue = expiryType == ExpiryType.RELATIVE ? relativeValue : null;
        this.absoluteType = expiryType == ExpiryType.ABSOLUTE ? absoluteType : null;
        this.fixedExpiresOnMs = absoluteType == AbsoluteType.FIXED_DATE && expiryType == ExpiryType.ABSOLUTE
                ? fixedExpiresOnMs : null;
    }

    public static ExpiryRule never() {
        return new ExpiryRule(ExpiryType.NEVER, null, null, null, null);
    }

    public static ExpiryRule relative(RelativeUnit unit, int value) {
        return new ExpiryRule(ExpiryType.RELATIVE, unit, value, null, null);
    }

    public static ExpiryRule fixedDate(Instant expiresOn) {
        return new ExpiryRule(ExpiryType.ABSOLUTE, null, null, AbsoluteType.FIXED_DATE, expiresOn.toEpochMilli());
    }

    public static ExpiryRule withBadge() {
        return new ExpiryRule(ExpiryType.ABSOLUTE, null, null, AbsoluteType.WITH_BADGE_META, null);
    }

    /** The instant a new instance expires, given when it is processed and when the badge itself ends. */
    public Instant expiresAt(Instant processedAt, Instant badgeExpiresOn) {
        ZonedDateTime from = processedAt.atZone(ZoneOffset.UTC);
        return switch (expiryType) {
            case NEVER -> from.plusYears(NEVER_YEARS).toInstant();
            case RELATIVE -> switch (relativeUnit) {
                case DAYS -> from.plusDays(relativeValue).toInstant();
                case WEEKS -> from.plusWeeks(relativeValue).toInstant();
                case MONTHS -> from.plusMonths(relativeValue).toInstant();
            };
            case ABSOLUTE -> absoluteType == AbsoluteType.FIXED_DATE
                    ? Instant.ofEpochMilli(fixedExpiresOnMs)
                    : badgeExpiresOn;
        };
    }

    public ExpiryType expiryType() {
        return expiryType;
    }

    public RelativeUnit relativeUnit() {
        return relativeUnit;
    }

    public Integer relativeValue() {
        return relativeValue;
    }

    public AbsoluteType absoluteType() {
        return absoluteType;
    }

    public Long fixedExpiresOnMs() {
        return fixedExpiresOnMs;
    }
}
