package dev.badgeworks.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One read for concurrent callers asking the same costly question: a caller that finds the same read already
 * running waits for it to end and then shares the next one with everybody who arrived meanwhile. Every caller so
 * gets an answer read after it asked (a client that has just written sees its write), while the database runs at
 * most one such read per key at a time, however many callers ask. A caller that finds nobody reading reads at once.
 * When a shared read fails, each of its waiting callers reads alone: one caller's failure (its transaction, its
 * timeout) stays its own.
 */
public final class SharedRead<K, V> {

    private final ReentrantLock lock = new ReentrantLock();
    /** The read running for a key; callers who find one queue for the next. */
    private final Map<K, Round> running = new HashMap<>();
    /** The read due next for a key, not started yet: a caller arriving now joins it. */
    private final Map<K, Round> next = new HashMap<>();

    private final class Round {
        final Condition ended = lock.newCondition();
        boolean done;
        boolean answered;
        V value;
        int sharedBy = 1;
    }

    /** Answers {@code read}'s value, read by this caller or by another one that started after this call. */
    public V read(K key, Supplier<V> read) {
        Round round;
        boolean leads;
        lock.lock();
        try {
            round = next.get(key);
            leads = round == null;
            if (leads) {
                round = new Round();
                Round before = running.get(key);
                if (before != null) {
                    next.put(key, round);
                    while (!before.done) {
                        before.ended.awaitUninterruptibly();
                    }
                    next.remove(key);
                }
                running.put(key, round);
            } else {
                round.sharedBy++;
                while (!round.done) {
                    round.ended.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (!leads) {
            return round.answered ? round.value : read.get();
        }
        try {
            round.value = read.get();
            round.answered = true;
            return round.value;
        } finally {
            end(key, round);
        }
    }

    /** How many callers are waiting for a read to start or end (what the tests wait for). */
    int waiting() {
        lock.lock();
        try {
            return running.values().stream().mapToInt(r -> r.sharedBy - 1).sum()
                    + next.values().stream().mapToInt(r -> r.sharedBy).sum();
        } finally {
            lock.unlock();
        }
    }

    private void end(K key, Round round) {
        lock.lock();
        try {
            round.done = true;
            running.remove(key, round);
            round.ended.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
