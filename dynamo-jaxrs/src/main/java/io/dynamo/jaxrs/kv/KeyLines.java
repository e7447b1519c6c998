package io.dynamo.jaxrs.kv;

import io.dynamo.api.KeysBody;
import io.dynamo.core.listing.KeyListing;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A page of a listing as NDJSON: a line {@code {"key":"..."}} per key, then always a last line
 * {@code {"nextCursor":"..."}}, or {@code {"nextCursor":null}} when the listing is over, so a reader of the stream
 * knows it got the whole page.
 */
final class KeyLines {
    private KeyLines() {
    }

    /** True when the client's most preferred type is exactly {@link KeysBody#NDJSON}. */
    static boolean wanted(List<MediaType> acceptableByPreference) {
        return !acceptableByPreference.isEmpty() && !acceptableByPreference.get(0).isWildcardType()
                && !acceptableByPreference.get(0).isWildcardSubtype()
                && acceptableByPreference.get(0).isCompatible(MediaType.valueOf(KeysBody.NDJSON));
    }

    static byte[] of(KeyListing page) {
        StringBuilder out = new StringBuilder();
        KeysBody body = KeysResource.body(page);
        for (String key : body.keys()) {
            out.append("{\"key\":").append(Json.createValue(key)).append("}\n");
        }
        out.append("{\"nextCursor\":").append(body.nextCursor() == null ? "null" : Json.createValue(body.nextCursor()))
                .append("}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
