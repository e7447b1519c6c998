package io.dynamo.jaxrs.error;

import io.dynamo.core.DynamoException;
import io.dynamo.core.InvalidConfigException;
import io.dynamo.core.InvalidKeyException;
import io.dynamo.core.InvalidQuorumException;
import io.dynamo.core.ValueTooLargeException;
import io.dynamo.core.antientropy.AntiEntropyException;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.coordination.RemoteRequestException;
import io.dynamo.core.membership.RingUnknownException;
import io.dynamo.core.membership.StalePlanException;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.store.TooManySiblingsException;
import io.dynamo.core.version.MalformedContextException;
import io.dynamo.jaxrs.admin.ExchangeNotPossibleException;
import io.dynamo.jaxrs.admin.InvalidPartitionException;
import io.dynamo.jaxrs.admin.InvalidRequestException;
import io.dynamo.jaxrs.kv.UnreadableBodyException;
import io.dynamo.jaxrs.metrics.InternalErrors;
import io.dynamo.jaxrs.metrics.RefusedRequests;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps each core failure to its status and code. One table rather than a mapper per type, so a new exception type is
 * one line here; one missing from the table still gets a JSON 500 and a log entry.
 */
@Provider
public class DynamoExceptionMapper implements ExceptionMapper<DynamoException> {
    private static final Logger LOG = Logger.getLogger(DynamoExceptionMapper.class.getName());

    private record Kind(int status, String error) {
    }

    private static final Map<Class<? extends DynamoException>, Kind> KINDS = Map.ofEntries(
            Map.entry(InvalidKeyException.class, new Kind(400, "invalid_key")),
            Map.entry(InvalidQuorumException.class, new Kind(400, "invalid_quorum")),
            Map.entry(MalformedContextException.class, new Kind(400, "malformed_context")),
            Map.entry(UnreadableBodyException.class, new Kind(400, "invalid_body")),
            Map.entry(ValueTooLargeException.class, new Kind(413, "value_too_large")),
            Map.entry(InvalidRequestException.class, new Kind(400, "invalid_request")),
            Map.entry(InvalidPartitionException.class, new Kind(400, "invalid_partition")),
            Map.entry(StalePlanException.class, new Kind(409, "stale_plan")),
            Map.entry(TooManySiblingsException.class, new Kind(409, "too_many_siblings")),
            Map.entry(ExchangeNotPossibleException.class, new Kind(409, "exchange_not_possible")),
            Map.entry(AntiEntropyException.class, new Kind(503, "anti_entropy_failed")),
            Map.entry(InsufficientReplicasException.class, new Kind(503, "insufficient_replicas")),
            Map.entry(RingUnknownException.class, new Kind(503, "ring_unknown")),
            Map.entry(UnreachableException.class, new Kind(503, "node_unreachable")),
            Map.entry(RemoteRequestException.class, new Kind(502, "remote_refused")),
            Map.entry(StorageException.class, new Kind(503, "storage_unavailable")),
            Map.entry(InvalidConfigException.class, new Kind(500, "invalid_config")));

    @Inject
    InternalErrors internalErrors;

    @Inject
    RefusedRequests refused;

    @Override
    public Response toResponse(DynamoException e) {
        Kind kind = kindOf(e.getClass());
        if (kind.status() == 500) {
            internalErrors.count();
            LOG.log(Level.WARNING, "request failed: " + e.getMessage(), e);
        } else if (kind.status() >= 500) {
            refused.record(kind.status(), kind.error(), e.getMessage());
        }
        return ErrorResponses.of(kind.status(), kind.error(), e.getMessage()).build();
    }

    private static Kind kindOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != DynamoException.class; c = c.getSuperclass()) {
            Kind kind = KINDS.get(c);
            if (kind != null) {
                return kind;
            }
        }
        return new Kind(500, "node_error");
    }
}
