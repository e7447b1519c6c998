package io.dynamo.client;

import io.dynamo.api.KeyPaths;
import io.dynamo.api.KeysBody;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing's keys, fetched a page at a time as they are consumed: the first page when the first key is wanted, the
 * next with the cursor the last one gave once its keys are used up. Each page goes to any node (as a batch does);
 * a failed page throws {@link DynamoClientException} from the iterator, and the keys already returned stay valid.
 */
final class KeyPages implements Iterator<String> {
    private final DynamoClient client;
    private final String path;
    private final String query;
    private final ArrayDeque<String> buffered = new ArrayDeque<>();
    private String cursor;
    private boolean over;

    /** @param path {@code keys} or {@code ns/{namespace}/keys} */
    KeyPages(DynamoClient client, String path, String prefix, int pageSize) {
        if (pageSize < 1 || pageSize > KeysBody.MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + KeysBody.MAX_LIMIT + " keys, not " + pageSize);
        }
        this.client = client;
        this.path = path;
        this.query = "?limit=" + pageSize + (prefix == null || prefix.isEmpty() ? ""
                : "&prefix=" + KeyPaths.encode(prefix.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<String> stream(DynamoClient client, String path, String prefix, int pageSize) {
        KeyPages pages = new KeyPages(client, path, prefix, pageSize);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED
                | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    @Override
    public boolean hasNext() {
        // A page may be empty and still have a next one: fetch until a key or the end.
        while (buffered.isEmpty() && !over) {
            fetch();
        }
        return !buffered.isEmpty();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the listing is over");
        }
        return buffered.poll();
    }

    private void fetch() {
        String target = path + query + (cursor == null ? "" : "&cursor=" + KeyPaths.encode(
                cursor.getBytes(StandardCharsets.UTF_8)));
        KeysBody page = client.execute(new NodeHttp.Request("GET", target, null, MediaType.APPLICATION_JSON,
                Map.of(), null), null, (response, node, tried) -> {
                    KeysBody body = Answers.json(response, node, tried, KeysBody.class);
                    if (body == null || body.keys() == null) {
                        throw DynamoClientException.invalidResponse("a listing's page has no keys",
                                response.getStatus(), node, tried, null);
                    }
                    return body;
                });
        buffered.addAll(page.keys());
        cursor = page.nextCursor();
        over = cursor == null;
    }
}
