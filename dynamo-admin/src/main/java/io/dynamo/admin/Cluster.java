package io.dynamo.admin;

import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.client.DynamoAdmin;
import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The cluster through {@link DynamoClient}: routed admin calls, and calls to each node for its own view. */
final class Cluster implements AutoCloseable {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final List<URI> seeds;
    private final DynamoClient client;

    Cluster(List<URI> seeds, AdminCredentials credentials, Duration timeout) {
        this.seeds = List.copyOf(seeds);
        DynamoClient.Builder builder = DynamoClient.builder().seeds(seeds).readTimeout(timeout)
                .connectTimeout(timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT);
        if (credentials != null) {
            builder.credentials(credentials.user(), credentials.password());
        }
        this.client = builder.build();
    }

    /** Admin calls that any node can answer; the client moves on when one does not answer. */
    DynamoAdmin admin() {
        return client.admin();
    }

    /** The admin API of the node with this HTTP address ({@code host:port}) only. */
    DynamoAdmin adminAt(String httpAddress) {
        return client.admin(NodeUrls.at(seeds.get(0), httpAddress));
    }

    /**
     * Asks every node of the list for its own view, one after the other; a node that left the cluster (status
     * {@code LEFT}, no longer a member) is not asked. Refused credentials fail the whole command.
     */
    <T> List<NodeAnswer<T>> askEach(NodesBody nodes, Function<DynamoAdmin, T> question) {
        List<NodeAnswer<T>> answers = new ArrayList<>();
        for (NodeBody node : nodes.nodes()) {
            if ("LEFT".equals(node.status()) && !node.member()) {
                continue;
            }
            String address = node.httpAddress() == null || node.httpAddress().isBlank() ? null : node.httpAddress();
            if (address == null) {
                answers.add(new NodeAnswer<>(node.node(), null, null, "no HTTP address known (never started, or"
                        + " not announced yet)"));
                continue;
            }
            try {
                answers.add(new NodeAnswer<>(node.node(), address, question.apply(adminAt(address)), null));
            } catch (DynamoClientException e) {
                CliFailure failure = Failures.of(e);
                if (failure.exitCode() == ExitCode.AUTH) {
                    throw failure; // the same credentials go to every node: say so once, not per node
                }
                answers.add(new NodeAnswer<>(node.node(), address, null, failure.getMessage().lines().findFirst()
                        .orElse("")));
            }
        }
        return answers;
    }

    @Override
    public void close() {
        client.close();
    }
}
