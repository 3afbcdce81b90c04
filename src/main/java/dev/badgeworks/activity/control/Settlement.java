package dev.badgeworks.activity.control;

/**
 * When the rules reading newly stored activities are replayed and their completions settled as earns.
 */
public enum Settlement {

    /** In the transaction that stores them: a REST activity's answer tells what its rules did. */
    AT_ONCE,

    /**
     * Later, once per customer: the activities are stored with their customer marked as waiting (from the earliest
     * of them on), and a settling pass replays each waiting customer's rules once. A file's chunks store this way, so
     * a customer whose activities are spread over many chunks is replayed once instead of once per chunk; the earns
     * are the same, since a rule's completions depend only on which activities have arrived.
     */
    DEFERRED
}
