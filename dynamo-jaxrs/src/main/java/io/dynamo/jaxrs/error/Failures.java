package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorCode;
import io.dynamo.core.antientropy.AntiEntropyException;
import io.dynamo.core.backup.BackupRunningException;
import io.dynamo.core.backup.InvalidBackupDirectoryException;
import io.dynamo.core.base.DynamoException;
import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.InvalidQuorumException;
import io.dynamo.core.base.ValueTooLargeException;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.coordination.RemoteRequestException;
import io.dynamo.core.listing.InvalidCursorException;
import io.dynamo.core.listing.ListingUnavailableException;
import io.dynamo.core.membership.ChangeRefusedException;
import io.dynamo.core.membership.JoinRefusedException;
import io.dynamo.core.membership.RingChangingException;
import io.dynamo.core.membership.RingUnknownException;
import io.dynamo.core.membership.StalePlanException;
import io.dynamo.core.namespace.InvalidNamespaceException;
import io.dynamo.core.namespace.NamespaceConflictException;
import io.dynamo.core.namespace.UnknownNamespaceException;
import io.dynamo.core.node.OverloadedException;
import io.dynamo.core.node.PreconditionFailedException;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.store.TooManySiblingsException;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.MalformedContextException;
import io.dynamo.jaxrs.admin.ExchangeNotPossibleException;
import io.dynamo.jaxrs.admin.InvalidPartitionException;
import io.dynamo.jaxrs.admin.InvalidRequestException;
import io.dynamo.jaxrs.kv.BatchTooLargeException;
import io.dynamo.jaxrs.kv.InvalidBatchException;
import io.dynamo.jaxrs.kv.InvalidParameterException;
import io.dynamo.jaxrs.kv.MalformedEtagException;
import io.dynamo.jaxrs.kv.UnreadableBodyException;
import io.dynamo.jaxrs.metrics.InternalErrors;
import io.dynamo.jaxrs.metrics.RefusedRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the API answers for any failure of a request, whichever way it was served (the JAX-RS exception mappers, or
 * the key-value servlet path): the {@link ErrorCode} of each core failure, which carries the status; a 500 counted
 * and logged with its stack trace (an unforeseen one under an incident id, which the answer names instead); a 502 or
 * 503 counted and logged in one line as a refusal. One table rather than a case per type, so a new exception type is
 * one line here.
 */
@ApplicationScoped
public class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private static final Map<Class<? extends DynamoException>, ErrorCode> CODES = Map.ofEntries(
            Map.entry(InvalidKeyException.class, ErrorCode.INVALID_KEY),
            Map.entry(InvalidQuorumException.class, ErrorCode.INVALID_QUORUM),
            Map.entry(MalformedContextException.class, ErrorCode.MALFORMED_CONTEXT),
            Map.entry(MalformedEtagException.class, ErrorCode.MALFORMED_ETAG),
            Map.entry(PreconditionFailedException.class, ErrorCode.PRECONDITION_FAILED),
            Map.entry(UnreadableBodyException.class, ErrorCode.INVALID_BODY),
            Map.entry(InvalidBatchException.class, ErrorCode.INVALID_BATCH),
            Map.entry(BatchTooLargeException.class, ErrorCode.BATCH_TOO_LARGE),
            Map.entry(ValueTooLargeException.class, ErrorCode.VALUE_TOO_LARGE),
            Map.entry(InvalidRequestException.class, ErrorCode.INVALID_REQUEST),
            Map.entry(InvalidPartitionException.class, ErrorCode.INVALID_PARTITION),
            Map.entry(StalePlanException.class, ErrorCode.STALE_PLAN),
            Map.entry(RingChangingException.class, ErrorCode.RING_CHANGING),
            Map.entry(JoinRefusedException.class, ErrorCode.JOIN_REFUSED),
            Map.entry(ChangeRefusedException.class, ErrorCode.CHANGE_REFUSED),
            Map.entry(TooManySiblingsException.class, ErrorCode.TOO_MANY_SIBLINGS),
            Map.entry(ExchangeNotPossibleException.class, ErrorCode.EXCHANGE_NOT_POSSIBLE),
            Map.entry(InvalidBackupDirectoryException.class, ErrorCode.INVALID_REQUEST),
            Map.entry(BackupRunningException.class, ErrorCode.BACKUP_RUNNING),
            Map.entry(AntiEntropyException.class, ErrorCode.ANTI_ENTROPY_FAILED),
            Map.entry(InsufficientReplicasException.class, ErrorCode.INSUFFICIENT_REPLICAS),
            Map.entry(ListingUnavailableException.class, ErrorCode.INSUFFICIENT_REPLICAS),
            Map.entry(InvalidCursorException.class, ErrorCode.INVALID_CURSOR),
            Map.entry(RingUnknownException.class, ErrorCode.RING_UNKNOWN),
            Map.entry(UnreachableException.class, ErrorCode.NODE_UNREACHABLE),
            Map.entry(RemoteRequestException.class, ErrorCode.REMOTE_REFUSED),
            Map.entry(StorageException.class, ErrorCode.STORAGE_UNAVAILABLE),
            Map.entry(OverloadedException.class, ErrorCode.OVERLOADED),
            Map.entry(InvalidConfigException.class, ErrorCode.INVALID_CONFIG),
            Map.entry(InvalidNamespaceException.class, ErrorCode.INVALID_NAMESPACE),
            Map.entry(UnknownNamespaceException.class, ErrorCode.NAMESPACE_NOT_FOUND),
            Map.entry(NamespaceConflictException.class, ErrorCode.NAMESPACE_CONFLICT));

    @Inject
    InternalErrors internalErrors;

    @Inject
    RefusedRequests refused;

    /** The answer to a failed request; logs and counts it as its status requires. */
    public ErrorAnswer answer(Throwable e) {
        if (e instanceof InvalidParameterException) {
            return new ErrorAnswer(ErrorCode.INVALID_PARAMETER, e.getMessage());
        }
        if (!(e instanceof DynamoException)) {
            internalErrors.count();
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "unexpected failure, incident " + incident, e);
            return new ErrorAnswer(ErrorCode.INTERNAL_ERROR,
                    "unexpected server error (incident " + incident + "); the node's log has the details");
        }
        ErrorCode code = codeOf(e.getClass());
        if (code.status() == 500) {
            internalErrors.count();
            LOG.log(Level.WARNING, "request failed: " + e.getMessage(), e);
        } else if (code.status() >= 500) {
            refused.record(code.status(), code.code(), e.getMessage());
        }
        return new ErrorAnswer(code, e.getMessage());
    }

    private static ErrorCode codeOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != DynamoException.class; c = c.getSuperclass()) {
            ErrorCode code = CODES.get(c);
            if (code != null) {
                return code;
            }
        }
        return ErrorCode.NODE_ERROR;
    }
}
