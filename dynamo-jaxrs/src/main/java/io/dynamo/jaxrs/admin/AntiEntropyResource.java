package io.dynamo.jaxrs.admin;

import io.dynamo.api.AntiEntropyBody;
import io.dynamo.api.ExchangeBody;
import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.node.NodeView;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** This node's anti-entropy: what it did, and one exchange on demand. */
@Path("admin/anti-entropy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AntiEntropyResource {
    @Inject
    NodeView node;

    @Inject
    NodeAdmin admin;

    @GET
    public AntiEntropyBody stats() {
        return ActivityViews.antiEntropy(node.id(), node.repairs());
    }

    /** Compares the partition with its next other replica in turn, now, and answers what the exchange did. */
    @POST
    @Path("{partition}")
    public ExchangeBody exchange(@PathParam("partition") String partition) {
        Ring ring = node.ring();
        int p = PartitionParam.parse(partition, ring.partitionCount());
        requireExchangeable(ring, p);
        long start = System.nanoTime();
        ExchangeResult result = Await.result(admin.exchange(p),
                "the anti-entropy exchange of partition " + p);
        return ActivityViews.exchange(node.id(), result, (System.nanoTime() - start) / 1_000_000);
    }

    private void requireExchangeable(Ring ring, int partition) {
        PreferenceList list = ring.preferenceList(partition, node.config().replicas());
        if (!list.isReplica(node.id())) {
            throw new ExchangeNotPossibleException("node " + node.id() + " is not a replica of partition "
                    + partition + "; its replicas are " + String.join(", ", list.replicas())
                    + ": send the request to one of them");
        }
        if (list.replicas().size() < 2) {
            throw new ExchangeNotPossibleException("partition " + partition + " has no replica but node " + node.id()
                    + " to compare with (N=" + ring.replicas(node.config().replicas()) + ", " + ring.members().size()
                    + " ring member(s)); anti-entropy needs N of 2 or more and as many members");
        }
    }
}
