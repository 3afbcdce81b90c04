package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong();

    private BoundedBody body(InputStream in, long limit) {
        return new BoundedBody(in, limit, 10 * SECOND, 1000, clock::get, "test");
    }

    @Test
    void aBodyWithinItsLimitReadsUnchanged() throws IOException {
        byte[] bytes = new byte[5000];
        assertArrayEquals(bytes, body(new ByteArrayInputStream(bytes), 5000).readAllBytes());
    }

    @Test
    void oneByteOverTheLimitIs413() {
        ApiException e = assertThrows(ApiException.class,
                () -> body(new ByteArrayInputStream(new byte[5001]), 5000).readAllBytes());
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.firstCode());
    }

    @Test
    void aTrickleSlowerThanTheMinimumRateIs408AfterTheGrace() throws IOException {
        // one byte a second: fine within the 10 s grace, refused once the grace is spent
        InputStream trickle = new InputStream() {
            @Override
            public int read() {
                clock.addAndGet(SECOND);
                return 'x';
            }
        };
        BoundedBody body = body(trickle, 1_000_000);
        for (int i = 0; i < 9; i++) {
            body.read();
        }
        ApiException e = assertThrows(ApiException.class, () -> {
            for (int i = 0; i < 5; i++) {
                body.read();
            }
        });
        assertEquals(ErrorCode.REQUEST_TIMEOUT, e.firstCode());
    }

    @Test
    void aLargeBodyAtAGoodRateMayTakeLongerThanTheGrace() throws IOException {
        // 100 KB at 2 KB/s (twice the minimum rate) takes 50 s: allowed, since its size buys it time
        InputStream steady = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = Math.min(len, 2000);
                clock.addAndGet(SECOND);
                return n;
            }
        };
        byte[] buffer = new byte[2000];
        BoundedBody body = body(steady, 1_000_000);
        long total = 0;
        while (total < 100_000) {
            total += body.read(buffer, 0, buffer.length);
        }
        assertEquals(100_000, total);
    }

    @Test
    void aReadThatTheServerTimedOutIs408OnEveryServersException() {
        // Grizzly wraps a SocketTimeoutException; Undertow throws XNIO's ReadTimeoutException (an InterruptedIOException)
        for (IOException timeout : new IOException[] {new IOException(new java.net.SocketTimeoutException()),
                new java.io.InterruptedIOException("Read timed out")}) {
            InputStream silent = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw timeout;
                }
            };
            ApiException e = assertThrows(ApiException.class, () -> body(silent, 1000).read());
            assertEquals(ErrorCode.REQUEST_TIMEOUT, e.firstCode(), timeout.toString());
        }
    }
}
