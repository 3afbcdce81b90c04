package dev.badgeworks.api;

import java.util.List;

/**
 * An enum that clients also send in spellings beyond its name's case and separators: an older document's plural
 * ({@code LOYALTY_PROMOTIONS}), the prose's adjective ({@code DAILY}). {@link EnumSpellings#parse} reads them.
 */
public interface Spelled {

    /** The further spellings, each in upper snake case as {@link EnumSpellings#spelling} turns text into. */
    List<String> otherSpellings();
}
