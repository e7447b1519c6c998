package io.dynamo.console.events;

import io.dynamo.console.service.ClusterService;
import io.dynamo.console.service.Credentials;
import java.net.URI;

/** Opens a connection to a cluster through one of its nodes: requests plus the live event stream. */
public interface ClusterConnector {
    Connection connect(URI node, Credentials credentials, ClusterEventListener listener);

    /** An open connection; closing it ends its event streams. */
    interface Connection extends AutoCloseable {
        ClusterService service();

        @Override
        void close();
    }
}
