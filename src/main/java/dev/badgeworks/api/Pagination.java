package dev.badgeworks.api;

/** The reference's {@code data.pagination}: 0-based page, page size, total items and pages. */
public record Pagination(int page, int size, long total, long totalPages) {

    public static Pagination of(int page, int size, long total) {
        return new Pagination(page, size, total, (total + size - 1) / size);
    }
}
