package dev.badgeworks.imports.control;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportKind;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a whole file before anything is imported from it, in one streaming pass: it exists, it is UTF-8
 * throughout, a CSV header names the expected columns. It also yields the content hash (for derived
 * requestIds), the number of data rows (for progress) and what the rows are: earns or activities. A problem here
 * fails the import with nothing earned.
 * <p>
 * The file says what it holds, so an upload and an inbox file import alike: a CSV header with an {@code activity}
 * column is an activity file's, any other an earn file's (checked as before activities existed); in JSON Lines the
 * first line that is an object naming {@code badgeMetaId} (an earn) or else {@code activity} decides, and a file
 * where none does is an earn file.
 */
public final class FileInspector {

    /** What a good file looks like to the reader: where data starts and how many data rows it has. */
    public record Inspection(String contentHash, ImportKind kind, long dataRows, long firstDataLine,
                             long firstDataOffset, String headerLine) {
    }

    /**
     * A whole-file problem, said in words an operator can act on. The message is shown by the API: it names no
     * server path and quotes the file only as an {@link Excerpt}; an I/O failure's own text stays in the cause.
     */
    public static final class FileProblem extends Exception {
        public FileProblem(String message) {
            super(message, null, false, false);
        }

        FileProblem(IOException cause) {
            super("the file cannot be read (the server log has the cause)", cause, false, false);
        }
    }

    private FileInspector() {
    }

    public static Inspection inspect(Path file, ImportFormat format) throws FileProblem {
        String hash = hash(file);
        try (LineSource lines = new LineSource(file, 0, 1)) {
            String header = null;
            ImportKind kind = null;
            long firstLine = 1;
            long firstOffset = 0;
            long rows = 0;
            LineSource.Line line;
            while ((line = lines.next()) != null) {
                if (format == ImportFormat.CSV && header == null) {
                    if (line.text().isBlank()) {
                        throw new FileProblem("the first line must be the header row: "
                                + String.join(",", RowParser.COLUMNS) + " (earns), or "
                                + ActivityRowParser.COLUMNS_TEXT + " and one column per attribute (activities)");
                    }
                    header = line.text();
                    kind = kindOfHeader(header);
                    if (kind == ImportKind.ACTIVITY) {
                        ActivityRowParser.header(header);
                    } else {
                        RowParser.header(header);
                    }
                    firstLine = line.number() + 1;
                    firstOffset = line.nextOffset();
                    continue;
                }
                if (!line.text().isBlank()) {
                    rows++;
                    if (kind == null) {
                        kind = kindOfLine(line.text());
                    }
                }
            }
            if (format == ImportFormat.CSV && header == null) {
                throw new FileProblem("the file is empty: a CSV import needs a header row");
            }
            return new Inspection(hash, kind == null ? ImportKind.EARN : kind, rows, firstLine, firstOffset, header);
        } catch (CharacterCodingException e) {
            throw new FileProblem("the file is not UTF-8 text: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FileProblem(e.getMessage());
        } catch (IOException e) {
            throw new FileProblem(e);
        }
    }

    /** A CSV header with an activity column (in any case) is an activity file's. */
    static ImportKind kindOfHeader(String headerLine) {
        List<String> cells = LineParser.cells(headerLine);
        return cells != null && cells.stream().anyMatch(c -> c.equalsIgnoreCase("activity")) ? ImportKind.ACTIVITY
                : ImportKind.EARN;
    }

    /** What a JSON line says its file is, or null when it says nothing (not an object, or neither field). */
    static ImportKind kindOfLine(String text) {
        try {
            JsonObject line = JsonInput.parseObject(text);
            return line.containsKey("badgeMetaId") ? ImportKind.EARN
                    : line.containsKey("activity") ? ImportKind.ACTIVITY : null;
        } catch (ApiException notAnObject) {
            return null;
        }
    }

    private static String hash(Path file) throws FileProblem {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) != -1) {
                // the digest sees every byte as it passes
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchFileException e) {
            throw new FileProblem("the file does not exist: " + file.getFileName());
        } catch (IOException e) {
            throw new FileProblem(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
