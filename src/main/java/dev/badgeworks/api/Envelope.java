package dev.badgeworks.api;

import java.util.List;

/** Every response body: {@code {data, errors, warnings}} as the reference describes. */
public record Envelope<T>(T data, List<ApiError> errors, List<ApiError> warnings) {

    /**
     * Identity, not a record's deep hash. Yasson keeps every object it is writing in a HashSet (to detect cycles), so
     * a record's generated hashCode — hashing every component, recursively — would hash the whole answer again at
     * each level: most of the CPU of a page of ten badges. Answer records that hold others do the same.
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data, List.of(), List.of());
    }

    /** A replayed or partially failed result: data and the errors that explain it. */
    public static <T> Envelope<T> of(T data, List<ApiError> errors) {
        return new Envelope<>(data, errors, List.of());
    }

    public static Envelope<Object> failure(List<ApiError> errors) {
        return new Envelope<>(null, errors, null);
    }
}
