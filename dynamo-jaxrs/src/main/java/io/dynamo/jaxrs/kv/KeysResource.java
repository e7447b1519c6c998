package io.dynamo.jaxrs.kv;

import io.dynamo.api.KeysBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.listing.KeyListing;
import io.dynamo.core.node.KeyValueService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Listing the keys of the default namespace, a page at a time ({@code GET /keys?prefix=&limit=&cursor=}); see
 * docs/api.md. The node reads every live replica of each partition and merges their versions before listing a key.
 * A page is JSON ({@link KeysBody}), or with {@code Accept: application/x-ndjson} one JSON object per line
 * ({@link KeyLines}).
 */
@Path("keys")
@ApplicationScoped
public class KeysResource {
    @Inject
    KeyValueService keyValues;

    @GET
    @Produces({MediaType.APPLICATION_JSON, KeysBody.NDJSON})
    public CompletionStage<Response> list(@QueryParam("prefix") String prefix, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor,
                                          @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return list(Key.DEFAULT_NAMESPACE, prefix, limit, cursor, headers);
    }

    /** A page of any namespace's keys: {@link NamespacedKeysResource} comes here. */
    CompletionStage<Response> list(String namespace, String prefix, String limit, String cursor, HttpHeaders headers) {
        int pageSize = limit(limit);
        byte[] keyPrefix = prefix == null ? new byte[0] : prefix.getBytes(StandardCharsets.UTF_8);
        boolean lines = KeyLines.wanted(headers.getAcceptableMediaTypes());
        Optional<String> from = Optional.ofNullable(cursor).filter(c -> !c.isEmpty());
        return keyValues.keys(namespace, keyPrefix, from, pageSize).thenApply(page -> lines
                ? Response.ok(KeyLines.of(page), KeysBody.NDJSON).build()
                : Response.ok(body(page), MediaType.APPLICATION_JSON_TYPE).build());
    }

    static KeysBody body(KeyListing page) {
        List<String> keys = page.keys().stream().map(k -> new String(k.bytes(), StandardCharsets.UTF_8)).toList();
        return new KeysBody(keys, page.next() == null ? null : page.next().encode());
    }

    /** The page size: {@link KeysBody#DEFAULT_LIMIT} when absent, else a whole number from 1 to the maximum. */
    static int limit(String text) {
        if (text == null) {
            return KeysBody.DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > KeysBody.MAX_LIMIT) {
            throw new InvalidParameterException("limit=" + text + " is not a page size: give a whole number from 1 to "
                    + KeysBody.MAX_LIMIT + " (default " + KeysBody.DEFAULT_LIMIT + ")");
        }
        return limit;
    }
}
