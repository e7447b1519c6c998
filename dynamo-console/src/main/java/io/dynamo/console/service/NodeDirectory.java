package io.dynamo.console.service;

import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The nodes the console can talk to: the one it was pointed at, then every node the cluster names with an HTTP
 * address. One of them is current; when it stops answering the console moves on to the next, so it keeps working
 * while the node it started with is down.
 */
public final class NodeDirectory {
    public static final String API_PATH = "/dynamo/api/v1/";
    private final List<URI> nodes = new ArrayList<>();
    private int current;

    public NodeDirectory(URI first) {
        nodes.add(apiBase(first));
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

    public synchronized URI current() {
        return nodes.get(current);
    }

    public synchronized List<URI> all() {
        return List.copyOf(nodes);
    }

    /** Learns the nodes that announced an HTTP address. */
    public synchronized void learn(NodesBody body) {
        for (NodeBody node : body.nodes()) {
            address(node).filter(uri -> !nodes.contains(uri)).ifPresent(nodes::add);
        }
    }

    public static Optional<URI> address(NodeBody node) {
        String address = node.httpAddress();
        return address == null || address.isBlank() ? Optional.empty()
                : Optional.of(apiBase(URI.create("http://" + address)));
    }

    /** The node did not answer: the next one known becomes current (unless another caller moved on already). */
    public synchronized URI failed(URI node) {
        if (nodes.get(current).equals(node)) {
            current = (current + 1) % nodes.size();
        }
        return nodes.get(current);
    }

    public synchronized int size() {
        return nodes.size();
    }
}
