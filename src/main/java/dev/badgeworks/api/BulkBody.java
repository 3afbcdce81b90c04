package dev.badgeworks.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a documented bulk endpoint: its JSON body may be as large as {@link BodyLimits#bulkJsonBytes()}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BulkBody {
}
