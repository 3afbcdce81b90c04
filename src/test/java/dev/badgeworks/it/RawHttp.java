package dev.badgeworks.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP written by hand on a socket, for what a well-behaved client library will not send: a body that lies about
 * its length, trickles in a byte at a time, or never comes.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    RawHttp(URI base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        out = socket.getOutputStream();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request line and headers of a POST whose body is yet to come. */
    void startPost(String path, String authorization, String contentType, long contentLength) throws IOException {
        out.write(("POST /" + Api.PREFIX + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends the request line and headers of a chunked POST (no declared length) whose body is yet to come. */
    void startChunkedPost(String path, String authorization, String contentType) throws IOException {
        startChunked("POST", path, authorization, contentType);
    }

    void startChunked(String method, String path, String authorization, String contentType) throws IOException {
        out.write((method + " /" + Api.PREFIX + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends one chunk of a chunked body; false once the server has closed the connection. */
    boolean sendChunk(byte[] bytes) {
        return send((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII))
                && send(bytes) && send("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends body bytes; false once the server has closed the connection. */
    boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whatever the server has answered within the wait (empty when it has said nothing yet). */
    String answerSoFar(int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
                if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // nothing more for now
        } catch (IOException e) {
            // connection closed by the server
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Whether the text holds a whole answer: its headers and as many bytes of body as Content-Length says. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                .matcher(text.substring(0, end));
        return length.find() && text.length() - end - 4 >= Integer.parseInt(length.group(1));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
