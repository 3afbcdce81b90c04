package dev.badgeworks.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * A request body held to its size and to a deadline (see BodyLimits). A client that sends more than the limit, or
 * trickles its body slower than the deadline allows (one byte a second held a request thread for as long as the
 * client liked), gets a clean 413 or 408 and its thread back; a client that vanishes mid-body costs one log line.
 */
public final class BoundedBody extends FilterInputStream {

    private static final Logger LOG = Logger.getLogger(BoundedBody.class.getName());

    private final long limit;
    private final long startNanos;
    private final long graceNanos;
    private final long minBytesPerSecond;
    private final LongSupplier nanoClock;
    private final String client;
    private long received;

    /** A body of at most {@code limit} bytes that must arrive within the grace plus its size at the minimum rate. */
    public BoundedBody(InputStream in, long limit, long graceNanos, long minBytesPerSecond, LongSupplier nanoClock,
                       String client) {
        super(in);
        this.limit = limit;
        this.graceNanos = graceNanos;
        this.minBytesPerSecond = minBytesPerSecond;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.client = client;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkDeadline();
        int n;
        try {
            // never ask for more than one byte past the limit: an oversized body is refused without being buffered
            n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - received + 1)));
        } catch (IOException e) {
            if (isTimeout(e)) {
                throw timedOut();
            }
            LOG.info(() -> "Request body from " + client + " broke off after " + received + " bytes: " + LogSafe.text(e));
            throw ErrorCode.INVALID_REQUEST.exception(null, "The request body broke off before its end.");
        }
        if (n > 0) {
            received += n;
            if (received > limit) {
                LOG.info(() -> "Request body from " + client + " exceeds " + limit + " bytes: 413");
                throw tooLarge(limit);
            }
        }
        checkDeadline();
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(Math.max(n, 0), 8192)]);
    }

    private void checkDeadline() {
        long allowed = graceNanos + received / minBytesPerSecond * 1_000_000_000L;
        if (nanoClock.getAsLong() - startNanos > allowed) {
            throw timedOut();
        }
    }

    /**
     * A read that waited past the listener's read timeout: Grizzly (Payara, GlassFish) reports an IOException around
     * a timeout, Undertow (WildFly) XNIO's ReadTimeoutException, an InterruptedIOException as SocketTimeoutException is.
     */
    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private ApiException timedOut() {
        LOG.info(() -> "Request body from " + client + " not received in time (" + received + " bytes): 408");
        return ErrorCode.REQUEST_TIMEOUT.exception(null, "The request body did not arrive in time.");
    }

    public static ApiException tooLarge(long limit) {
        return ErrorCode.PAYLOAD_TOO_LARGE.exception(null, "This endpoint accepts at most " + limit + " bytes.");
    }
}
