package dev.badgeworks.platform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

/**
 * Runs the work of concurrent callers together, as a database's group commit does: one transaction for many
 * callers instead of one each. A caller that finds fewer than {@code maxRunning} batches running runs at once
 * (alone, at low load: no caller ever waits for a timer); callers arriving while that many run queue up, and when a
 * batch ends the oldest of them leads the next one, taking up to {@code maxBatch} queued callers with it. The
 * callers of a batch are run in groups of one key (one org): {@code work} gets a group's items and answers one result
 * each, in order. When a group of several fails, each of its items is run again alone, so one item's failure is its
 * own and the others still get their answers (the failed group's transaction was rolled back).
 */
public final class GroupCommit<K, T, R> {

    private final int maxRunning;
    private final int maxBatch;
    private final BiFunction<K, List<T>, List<R>> work;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private int running;

    public GroupCommit(int maxRunning, int maxBatch, BiFunction<K, List<T>, List<R>> work) {
        if (maxRunning < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("maxRunning and maxBatch must be at least 1");
        }
        this.maxRunning = maxRunning;
        this.maxBatch = maxBatch;
        this.work = work;
    }

    private final class Item {
        final K key;
        final T value;
        final Condition changed = lock.newCondition();
        /** Set for the item whose caller leads: the batch it runs (itself first). */
        List<Item> batch;
        boolean done;
        R result;
        RuntimeException failure;

        Item(K key, T value) {
            this.key = key;
            this.value = value;
        }
    }

    /** Runs {@code value} (with others of its key, if any are waiting) and answers its result or throws its failure. */
    public R submit(K key, T value) {
        Item me = new Item(key, value);
        List<Item> batch;
        lock.lock();
        try {
            queue.add(me);
            // invariant: callers queue only while maxRunning batches run, so me is the queue's only item here
            if (running < maxRunning) {
                running++;
                me.batch = drain();
            }
            while (me.batch == null && !me.done) {
                me.changed.awaitUninterruptibly();
            }
            batch = me.batch;
        } finally {
            lock.unlock();
        }
        if (batch != null) {
            try {
                run(batch);
            } finally {
                finish(batch, me);
            }
        }
        if (me.failure != null) {
            throw me.failure;
        }
        return me.result;
    }

    /** How many callers are waiting for a batch to take them (for a gauge). */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private List<Item> drain() {
        List<Item> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
        while (!queue.isEmpty() && batch.size() < maxBatch) {
            batch.add(queue.poll());
        }
        return batch;
    }

    private void run(List<Item> batch) {
        Map<K, List<Item>> groups = new LinkedHashMap<>();
        batch.forEach(item -> groups.computeIfAbsent(item.key, k -> new ArrayList<>()).add(item));
        groups.forEach((key, items) -> {
            if (!runTogether(key, items) && items.size() > 1) {
                items.forEach(item -> runTogether(key, List.of(item)));
            }
        });
    }

    private boolean runTogether(K key, List<Item> items) {
        try {
            List<R> results = work.apply(key, items.stream().map(i -> i.value).toList());
            if (results.size() != items.size()) {
                throw new IllegalStateException(results.size() + " results for " + items.size() + " items");
            }
            for (int i = 0; i < items.size(); i++) {
                items.get(i).result = results.get(i);
                items.get(i).failure = null;
            }
            return true;
        } catch (RuntimeException e) {
            items.forEach(item -> item.failure = e);
            return false;
        }
    }

    /** Answers the batch's callers and hands the next batch to the oldest waiting caller, or ends this run. */
    private void finish(List<Item> batch, Item leader) {
        lock.lock();
        try {
            for (Item item : batch) {
                if (item.result == null && item.failure == null) {
                    item.failure = new IllegalStateException("the batch ended without an answer for this item");
                }
                item.done = true;
                if (item != leader) {
                    item.changed.signal();
                }
            }
            if (queue.isEmpty()) {
                running--;
            } else {
                List<Item> next = drain();
                next.get(0).batch = next;
                next.get(0).changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }
}
