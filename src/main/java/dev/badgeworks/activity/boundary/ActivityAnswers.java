package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.Activity;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityRule;
import dev.badgeworks.activity.control.Progress;
import dev.badgeworks.activity.control.RuleWindow;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.control.SettledEarn;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/** The JSON an activity is answered with, and a rule's progress as the progress endpoint shows it. */
final class ActivityAnswers {

    private ActivityAnswers() {
    }

    static JsonObjectBuilder activity(ActivityCommand c, JsonArrayBuilder rules) {
        Activity a = c.activity();
        return Jsons.JSON.createObjectBuilder()
                .add("requestId", Jsons.echo(a.requestId(), c.requestIdAsNumber()))
                .add("customerId", Jsons.customerId(a.customerId()))
                .add("activity", a.activity())
                .add("eventDate", ApiTime.legacy(a.eventDate())).add("eventDateISO", ApiTime.iso(a.eventDate()))
                .add("rules", rules);
    }

    /** One rule the activity moved: where the customer stands now, and the earns this arrival made or changed. */
    static JsonObjectBuilder rule(RuleBadge rule, Progress progress, List<SettledEarn> earns) {
        JsonArrayBuilder list = Jsons.JSON.createArrayBuilder();
        earns.forEach(e -> list.add(earn(e)));
        return Jsons.JSON.createObjectBuilder().add("badgeMetaId", rule.badgeId()).add("badgeName", rule.badgeName())
                .add("progress", progress(rule.rule(), progress)).add("earns", list);
    }

    static JsonObjectBuilder progress(ActivityRule rule, Progress p) {
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder()
                .add("measure", rule.measure().kind().name())
                .add("value", p.value()).add("target", p.target())
                .add("window", rule.window() instanceof RuleWindow.Fixed ? "FIXED"
                        : rule.window() instanceof RuleWindow.Rolling ? "ROLLING" : "LIFETIME");
        date(b, "cycleStart", p.cycle() == null ? null : p.cycle().start());
        date(b, "cycleEnd", p.cycle() == null ? null : p.cycle().end());
        b.add("streak", p.streak()).add("streakTarget", rule.streak()).add("repeat", rule.repeat())
                .add("finished", p.finished());
        if (p.lastActivity() == null) {
            b.add("lastActivityRequestId", JsonValue.NULL);
            date(b, "lastActivityDate", null);
        } else {
            b.add("lastActivityRequestId", p.lastActivity().requestId());
            date(b, "lastActivityDate", p.lastActivity().eventDate());
        }
        return b;
    }

    static JsonObjectBuilder earn(SettledEarn e) {
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder().add("status", e.status().name())
                .add("requestId", e.command().requestId());
        if (e.earn() == null) {
            b.add("earnedBadgeId", JsonValue.NULL);
            date(b, "earnEventDate", e.command().eventDate());
            date(b, "expiresOn", null);
        } else {
            b.add("earnedBadgeId", e.earn().id());
            date(b, "earnEventDate", Instant.ofEpochMilli(e.earn().earnEventMs()));
            date(b, "expiresOn", Instant.ofEpochMilli(e.earn().expiresOnMs()));
        }
        if (e.error() == null) {
            b.add("errorCode", JsonValue.NULL).add("errorMessage", JsonValue.NULL);
        } else {
            b.add("errorCode", e.error().code()).add("errorMessage", e.error().message());
        }
        return b;
    }

    private static void date(JsonObjectBuilder b, String name, Instant t) {
        if (t == null) {
            b.add(name, JsonValue.NULL).add(name + "ISO", JsonValue.NULL);
        } else {
            b.add(name, ApiTime.legacy(t)).add(name + "ISO", ApiTime.iso(t));
        }
    }
}
