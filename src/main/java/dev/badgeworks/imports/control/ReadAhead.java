package dev.badgeworks.imports.control;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Produces items on a thread of its own, up to {@code capacity} ahead of the one who takes them. An import chunk is
 * sequential: read and parse a thousand lines, then have the database write them while the server waits. With the
 * next chunk's lines read and parsed while the database writes this one, the server's two parts of the work overlap.
 *
 * <p>The taker decides what is consumed: nothing produced and not yet taken counts as read, so a checkpoint taken
 * from the items handed out stays exact. Items come in order; the producer's failure is thrown by the take that
 * reaches it, after every item produced before it.
 *
 * @param <T> the items
 */
public final class ReadAhead<T> implements AutoCloseable {

    /** What makes the items: the next one, or null at the end. Runs on the read-ahead's thread only. */
    @FunctionalInterface
    public interface Producer<T> {
        T next() throws Exception;
    }

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    /** Starts producing on a thread of {@code threads}; {@code release} runs on that thread when it stops. */
    public ReadAhead(ThreadFactory threads, int capacity, Producer<T> producer, Runnable release) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = threads.newThread(() -> produce(producer, release));
        thread.start();
    }

    private void produce(Producer<T> producer, Runnable release) {
        try {
            T item;
            while ((item = producer.next()) != null) {
                if (!put(item)) {
                    return;
                }
            }
            put(END);
        } catch (Throwable e) {
            // an Error too: a producer that ended without a last item would leave the taker waiting for ever
            put(new Failure(e));
        } finally {
            release.run();
        }
    }

    /** False when the taker closed this read-ahead: nobody will take the item. */
    private boolean put(Object item) {
        try {
            while (!closed) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next item, or null after the last; waits for the producer when it has not made it yet. */
    @SuppressWarnings("unchecked")
    public T next() throws Exception {
        if (ended) {
            return null;
        }
        Object item = queue.take();
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure failure) {
            ended = true;
            if (failure.cause() instanceof Error error) {
                throw error;
            }
            throw (Exception) failure.cause();
        }
        return (T) item;
    }

    /** Stops the producer (it releases what it holds on its own thread) and waits a little for it to end. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        queue.clear();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
