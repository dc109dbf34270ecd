package org.mdcoop.common.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.mdcoop.common.domain.ValidationFailed;

/**
 * Opt-in keyset paging of a list endpoint, as agreement-service's {@code GET /api/agreements} has it: without
 * {@code limit} the whole list (what every caller got before); with {@code limit} (1 to {@value #MAX_LIMIT}) that
 * many, and while more follow the next page's opaque {@code cursor} in {@value #NEXT_CURSOR} and in
 * {@code Link: <...>; rel="next"} (RFC 8288). The cursor holds the sort key of the page's last row, so the query reads
 * on from there: rows added or removed between two pages shift nothing, unlike an offset. A bad limit or cursor is a
 * 400 {@code validation} problem naming the field, never a 500.
 */
public final class Paging {

    public static final int MAX_LIMIT = 500;
    public static final String NEXT_CURSOR = "X-Next-Cursor";
    public static final String LIMIT_RULE = "must be a whole number from 1 to " + MAX_LIMIT;
    static final String NOT_A_CURSOR = "is not a cursor this service gave";

    /** One page: the items in list order and the cursor of the next page, null after the last. */
    public record Page<T>(List<T> items, String next) {
    }

    private Paging() {
    }

    /**
     * The {@code limit} query parameter: null when absent (the whole list). A {@code cursor} without a limit, or a
     * limit that is not a whole number from 1 to {@value #MAX_LIMIT}, is refused naming the field.
     */
    public static Integer limit(String limit, String cursor) {
        return limit(limit, cursor, MAX_LIMIT);
    }

    /**
     * As {@link #limit(String, String)}, for an endpoint whose {@code limit} already allowed up to {@code max} before
     * it paged (fusion's track history: 10,000), so no reader that was answered is refused now.
     */
    public static Integer limit(String limit, String cursor, int max) {
        if (limit == null) {
            if (cursor != null) {
                throw ValidationFailed.of("cursor", "needs a limit");
            }
            return null;
        }
        String rule = max == MAX_LIMIT ? LIMIT_RULE : "must be a whole number from 1 to " + max;
        int value;
        try {
            value = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ValidationFailed.of("limit", rule);
        }
        if (value < 1 || value > max) {
            throw ValidationFailed.of("limit", rule);
        }
        return value;
    }

    /**
     * The cursor naming a row by its sort key, e.g. {@code (creation time, id)}. Only the last key may contain
     * {@code |}.
     */
    public static String cursor(Object... keys) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            joined.append(i == 0 ? "" : "|").append(keys[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key in {@code cursor} (null: none, the first page), read by {@code parse} from its {@code count}
     * parts; anything that is not a cursor {@link #cursor} made (bad base64, too few parts, a part {@code parse}
     * throws on) is a 400 naming {@code cursor}.
     */
    public static <K> K after(String cursor, int count, Function<String[], K> parse) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split("\\|", count);
            if (parts.length != count) {
                throw ValidationFailed.of("cursor", NOT_A_CURSOR);
            }
            K key = parse.apply(parts);
            if (key == null) {
                throw ValidationFailed.of("cursor", NOT_A_CURSOR);
            }
            return key;
        } catch (RuntimeException e) {
            throw ValidationFailed.of("cursor", NOT_A_CURSOR);
        }
    }

    /**
     * The page of {@code rows}, which the query read with one row more than {@code limit} (so a full last page has no
     * next cursor): the first {@code limit} as {@code view} shows them, and the cursor of the last of those when more
     * follow.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, String> cursorOf, Function<R, T> view) {
        List<R> shown = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    /** 200 with the page's items as the body (the list's JSON array) and, while more follow, the next-page headers. */
    public static Response ok(Page<?> page, UriInfo uri) {
        return ok(page.items(), page.next(), uri);
    }

    /**
     * 200 with {@code body} and, when {@code next} is not null, the next-page headers: for an answer whose paged list
     * sits inside a larger object (fusion's track with its history), which the headers page the same way.
     */
    public static Response ok(Object body, String next, UriInfo uri) {
        Response.ResponseBuilder ok = Response.ok(body);
        if (next != null) {
            URI link = uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build();
            ok.header(NEXT_CURSOR, next)
                    .header("Link", "<" + link.getRawPath() + "?" + link.getRawQuery() + ">; rel=\"next\"");
        }
        return ok.build();
    }
}
