package dev.badgeworks.api;

import java.util.List;

/** Every response body: {@code {data, errors, warnings}} as the reference describes. */
public record Envelope<T>(T data, List<ApiError> errors, List<ApiError> warnings) {

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
