package io.dynamo.client;

import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches {@code admin/ring} and {@code admin/nodes} from the first node that answers both, and turns them into a
 * {@link RingSnapshot}. Both come from the same node so the addresses match the ring. Any failure (no answer, an
 * error status such as 401 once the admin API needs credentials, 503 from a node without a ring, a body that does
 * not parse) just moves on to the next node: routing information is an optimisation, never a reason to fail.
 */
final class RingFetcher {
    private static final Logger LOG = Logger.getLogger(RingFetcher.class.getName());
    private static final String LEFT = "LEFT";

    private final NodeHttp http;
    private final List<URI> seeds;
    private final Consumer<URI> unreachable;

    RingFetcher(NodeHttp http, List<URI> seeds, Consumer<URI> unreachable) {
        this.http = http;
        this.seeds = List.copyOf(seeds);
        this.unreachable = unreachable;
    }

    /** @return null when no node gave a usable ring */
    RingSnapshot fetch(List<URI> order) {
        int attempt = 0;
        for (URI node : order) {
            try {
                RingBody ring = get(node, "admin/ring", RingBody.class, ++attempt);
                NodesBody nodes = get(node, "admin/nodes", NodesBody.class, attempt);
                if (ring != null && nodes != null) {
                    return snapshot(node, ring, nodes);
                }
            } catch (NodeHttp.Unreachable e) {
                unreachable.accept(node);
            } catch (ProcessingException | IllegalArgumentException | NullPointerException e) {
                LOG.log(Level.FINE, "ignoring the ring from " + node + ": " + e, e);
            }
        }
        LOG.log(Level.FINE, "no node gave a ring; tried {0}", order);
        return null;
    }

    private <T> T get(URI node, String path, Class<T> type, int attempt) throws NodeHttp.Unreachable {
        NodeHttp.Request request = new NodeHttp.Request("GET", path, null, MediaType.APPLICATION_JSON, Map.of(), null);
        try {
            Response response = http.send(node, request);
            try (response) {
                http.report(new RouteEvent("GET", path, null, node, null, attempt, false, 0, response.getStatus(),
                        RouteEvent.Outcome.ANSWERED));
                return response.getStatus() == 200 ? response.readEntity(type) : null;
            }
        } catch (NodeHttp.Unreachable e) {
            http.report(new RouteEvent("GET", path, null, node, null, attempt, false, 0, 0,
                    RouteEvent.Outcome.UNREACHABLE));
            throw e;
        }
    }

    /** The node URIs share the scheme and API path of the node that answered; only host and port differ. */
    private RingSnapshot snapshot(URI answered, RingBody ring, NodesBody nodes) {
        Placement placement = Placement.of(ring);
        Map<String, URI> addresses = new HashMap<>();
        for (NodeBody node : nodes.nodes()) {
            URI base = baseOf(answered, node.httpAddress());
            if (base != null && !LEFT.equals(node.status())) {
                addresses.put(node.node(), base);
            }
        }
        return new RingSnapshot(ring.version(), placement, addresses, seeds);
    }

    /** {@code host:port} (an IPv6 host with or without brackets) on the answering node's scheme and path. */
    static URI baseOf(URI answered, String httpAddress) {
        if (httpAddress == null || httpAddress.isBlank()) {
            return null;
        }
        String address = httpAddress.strip();
        int colon = address.lastIndexOf(':');
        if (colon > 0 && address.indexOf(':') != colon && !address.startsWith("[")) {
            address = "[" + address.substring(0, colon) + "]" + address.substring(colon);
        }
        try {
            URI base = new URI(answered.getScheme() + "://" + address + answered.getRawPath());
            return base.getHost() == null || base.getPort() < 0 ? null : base;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
