package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCatalogueTest {

    /**
     * The reference reuses 400 and 404 for several cases; a shared code must at least mean one HTTP status. Except
     * 999999, which the reference answers 500 (internal error) and 409 (org meta exists): told apart by message.
     */
    @Test
    void aSharedCodeAlwaysMeansTheSameHttpStatus() {
        var statusesByCode = Arrays.stream(ErrorCode.values()).filter(e -> e != ErrorCode.ORG_META_EXISTS).collect(Collectors.groupingBy(ErrorCode::code,
                Collectors.mapping(ErrorCode::httpStatus, Collectors.toSet())));
        statusesByCode.forEach((code, statuses) -> assertEquals(1, statuses.size(), "code " + code));
    }

    @Test
    void theTwo999999sAreToldApartByTheirMessage() {
        assertEquals(ErrorCode.ORG_META_EXISTS, ErrorCode.ORG_META_EXISTS.at(null).errorCode());
        assertEquals(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.at(null, "Look at the log.").errorCode());
    }

    @Test
    void docsListEveryCodeWithItsStatusAndMessage() throws IOException {
        String doc = Files.readString(Path.of("docs/error-codes.md"));
        for (ErrorCode e : ErrorCode.values()) {
            String row = "| " + e.code() + " | " + e.httpStatus() + " | " + e.name() + " | " + e.message() + " |";
            assertTrue(doc.contains(row), () -> "docs/error-codes.md lacks: " + row);
        }
    }
}
