package org.mdcoop.common.api;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code limit} and {@code cursor} query parameters of a list that pages on request ({@link Paging}), taken by a
 * resource method as a {@code @BeanParam}: one definition of the parameters, their OpenAPI and the choice between
 * the whole list and one page, for every such list.
 */
public class PageRequest {

    @Parameter(description = "page size, 1-" + Paging.MAX_LIMIT + "; without it the whole list",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + Paging.MAX_LIMIT))
    @QueryParam("limit")
    String limit;

    @Parameter(description = "the next page's cursor, as `X-Next-Cursor` gave it; needs `limit`")
    @QueryParam("cursor")
    String cursor;

    /**
     * Without {@code limit}: 200 with {@code whole}. With it: 200 with one page of {@code page} (given the page size
     * and the cursor) and the next-page headers. Read as text, so a bad limit or cursor is a 400 naming the field.
     */
    public <T> Response answer(Supplier<List<T>> whole, BiFunction<Integer, String, Paging.Page<T>> page, UriInfo uri) {
        Integer size = Paging.limit(limit, cursor);
        if (size == null) {
            return Response.ok(whole.get()).build();
        }
        return Paging.ok(page.apply(size, cursor), uri);
    }
}
