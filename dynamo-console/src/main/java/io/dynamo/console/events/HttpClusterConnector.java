package io.dynamo.console.events;

import io.dynamo.console.service.ClusterService;
import io.dynamo.console.service.Credentials;
import io.dynamo.console.service.HttpClusterService;
import io.dynamo.console.service.NodeDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** Connections over HTTP: one {@link NodeDirectory} shared by the requests and the event streams. */
public final class HttpClusterConnector implements ClusterConnector {
    private final Duration retry;

    /** @param retry the wait before reconnecting until the node sends its own {@code retry:} */
    public HttpClusterConnector(Duration retry) {
        this.retry = retry;
    }

    @Override
    public Connection connect(URI node, Credentials credentials, ClusterEventListener listener) {
        HttpClient http = HttpClusterService.newHttpClient(Duration.ofSeconds(3));
        NodeDirectory directory = new NodeDirectory(node);
        HttpClusterService service = new HttpClusterService(http, directory, credentials, Duration.ofSeconds(35));
        ClusterEvents events = new ClusterEvents(http, credentials, directory, listener, retry);
        events.start();
        return new Connection() {
            @Override
            public ClusterService service() {
                return service;
            }

            @Override
            public void close() {
                events.close();
            }
        };
    }
}
