package org.comptoir.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code nextCursor} is absent on the last page. Repositories fetch
 * {@code limit + 1} rows so that a full page knows whether another follows without a count.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static <T> CursorPage<T> of(List<T> fetched, PageRequest request, Function<T, String> key) {
        if (fetched.size() <= request.limit()) {
            return new CursorPage<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, request.limit()));
        return new CursorPage<>(items, PageRequest.cursorFor(key.apply(items.getLast())));
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
