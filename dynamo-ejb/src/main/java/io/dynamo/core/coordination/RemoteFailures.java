package io.dynamo.core.coordination;

import io.dynamo.core.base.Causes;
import io.dynamo.core.base.DynamoException;
import io.dynamo.core.base.Key;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.store.TooManySiblingsException;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.version.MalformedContextException;

/** Turns failures into {@link Failure} replies and back, so a forwarded request fails as it would locally. */
public final class RemoteFailures {
    private RemoteFailures() {
    }

    public static Failure toReply(Throwable t) {
        Throwable cause = Causes.unwrap(t);
        if (cause instanceof InsufficientReplicasException e) {
            return new Failure(Failure.Kind.INSUFFICIENT_REPLICAS, e.getMessage(), e.required(), e.answered());
        }
        if (cause instanceof StorageException e) {
            return new Failure(Failure.Kind.STORAGE, e.getMessage(), 0, 0);
        }
        if (cause instanceof TooManySiblingsException e) {
            return new Failure(Failure.Kind.TOO_MANY_SIBLINGS, e.getMessage(), 0, 0);
        }
        if (cause instanceof MalformedContextException e) {
            return new Failure(Failure.Kind.MALFORMED_CONTEXT, e.getMessage(), 0, 0);
        }
        return new Failure(Failure.Kind.INVALID_REQUEST, String.valueOf(cause.getMessage()), 0, 0);
    }

    public static DynamoException fromReply(Failure f, String operation, Key key, String from) {
        return switch (f.kind()) {
            case INSUFFICIENT_REPLICAS -> new InsufficientReplicasException(operation, key, f.required(), f.answered(),
                    from);
            case STORAGE -> new StorageException("node " + from + ": " + f.message(), null);
            case TOO_MANY_SIBLINGS -> new TooManySiblingsException(f.message());
            case MALFORMED_CONTEXT -> new MalformedContextException(f.message());
            default -> new RemoteRequestException("node " + from + " refused " + operation + " of key '" + key
                    + "': " + f.message());
        };
    }

}
