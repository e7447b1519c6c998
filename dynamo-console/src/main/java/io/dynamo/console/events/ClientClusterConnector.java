package io.dynamo.console.events;

import io.dynamo.client.DynamoClient;
import io.dynamo.console.service.ClientClusterService;
import io.dynamo.console.service.ClusterService;
import io.dynamo.console.service.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Connections through one {@link DynamoClient}, shared by the requests and the event streams. */
public final class ClientClusterConnector implements ClusterConnector {
    public static final String API_PATH = "/dynamo/api/v1/";
    private final Duration retry;

    /** @param retry the wait before reconnecting until the node sends its own {@code retry:} */
    public ClientClusterConnector(Duration retry) {
        this.retry = retry;
    }

    /** {@code http://host:port}, with or without the API path, becomes the API's base URI. */
    public static URI apiBase(URI uri) {
        String text = uri.toString();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        int path = text.indexOf('/', text.indexOf("://") + 3);
        return URI.create((path < 0 ? text : text.substring(0, path)) + API_PATH);
    }

    @Override
    public Connection connect(URI node, Credentials credentials, ClusterEventListener listener) {
        AtomicReference<URI> lastAnswered = new AtomicReference<>();
        // Admin calls such as an anti-entropy exchange may take a while: a read timeout well above the nodes' own.
        DynamoClient client = DynamoClient.builder().seed(apiBase(node))
                .credentials(credentials.user(), credentials.password())
                .connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(35))
                .listener(ClientClusterService.tracking(lastAnswered)).build();
        ClientClusterService service = new ClientClusterService(client, lastAnswered);
        ClusterEvents events = new ClusterEvents(client, listener, retry);
        events.start();
        return new Connection() {
            @Override
            public ClusterService service() {
                return service;
            }

            @Override
            public void close() {
                events.close();
                client.close();
            }
        };
    }
}
