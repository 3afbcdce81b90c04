package dev.badgeworks.imports.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a UTF-8 file line by line from any byte offset, telling the offset after each line, so a reader can
 * checkpoint "line N ends at byte B" and a restart can seek straight there instead of re-reading the file.
 * Memory stays constant: one line at a time (longer lines than {@link #MAX_LINE_BYTES} are cut and flagged).
 */
public final class LineSource implements Closeable {

    public static final int MAX_LINE_BYTES = 64 * 1024;

    /** One line: its 1-based number, its text (without the line break) and the byte offset after it. */
    public record Line(long number, String text, long nextOffset, boolean tooLong) {
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** The file's bytes, read a block at a time and scanned here for line ends (not a synchronized read per byte). */
    private final byte[] block = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] buffer = new byte[256];
    private long offset;
    private long lineNumber;

    public LineSource(Path file, long startOffset, long startLine) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(startOffset);
        this.in = Channels.newInputStream(channel);
        this.offset = startOffset;
        this.lineNumber = startLine - 1;
    }

    /** The next line, or null at the end of the file. Throws CharacterCodingException on bytes that are not UTF-8. */
    public Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean ended = false;
        long start = offset;
        while (!ended) {
            if (position == limit) {
                limit = Math.max(0, in.read(block, 0, block.length));
                position = 0;
                if (limit == 0) {
                    break;
                }
            }
            int end = position;
            while (end < limit && block[end] != '\n') {
                end++;
            }
            int piece = end - position;
            int kept = Math.min(piece, MAX_LINE_BYTES - length);
            if (kept < piece) {
                tooLong = true;
            }
            if (length + kept > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(Math.max(buffer.length * 2, length + kept), MAX_LINE_BYTES));
            }
            System.arraycopy(block, position, buffer, length, kept);
            length += kept;
            offset += piece;
            position = end;
            if (end < limit) {
                position++;
                offset++;
                ended = true;
            }
        }
        if (!ended && offset == start) {
            return null;
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        lineNumber++;
        int from = lineNumber == 1 && length >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB
                && (buffer[2] & 0xff) == 0xBF ? 3 : 0;
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(buffer, from, length - from)).toString();
        } catch (CharacterCodingException e) {
            throw new CharacterCodingException() {
                @Override
                public String getMessage() {
                    return "line " + lineNumber + " is not valid UTF-8";
                }
            };
        }
        return new Line(lineNumber, text, offset, tooLong);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
