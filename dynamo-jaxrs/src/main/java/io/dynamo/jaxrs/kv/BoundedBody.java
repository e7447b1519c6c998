package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.ValueTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Reads a request body up to the value size limit. The limit is enforced while reading (and up front from
 * Content-Length), so an oversized or endless body never gets buffered. A body that ends early is the client's
 * fault, not the node's: a 400, not a 500 with a stack trace in the log.
 */
final class BoundedBody {
    private BoundedBody() {
    }

    static byte[] read(InputStream in, String contentLength, int maxBytes) {
        return read(in, contentLength, maxBytes, size -> tooLarge(size, maxBytes));
    }

    /** @param tooLarge the refusal of a body over the limit, given its size as a phrase ("more than 10 bytes") */
    static byte[] read(InputStream in, String contentLength, int maxBytes,
                       Function<String, ? extends RuntimeException> tooLarge) {
        long declared = parseLength(contentLength);
        if (declared > maxBytes) {
            throw tooLarge.apply(declared + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(declared, 0));
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1L - out.size()))) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge.apply("more than " + maxBytes + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UnreadableBodyException("the request body could not be read to its end (" + cause(e) + ", after "
                    + out.size() + " bytes); send the whole body, framed by its Content-Length or chunked encoding");
        }
        return out.toByteArray();
    }

    /** The innermost message: the container wraps timeouts and broken chunks in IOExceptions of its own. */
    private static String cause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String message = c.getMessage();
        return c.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static long parseLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the container validates the header; here it is only a shortcut
        }
    }

    private static ValueTooLargeException tooLarge(String size, int maxBytes) {
        return new ValueTooLargeException("the value has " + size + "; this node accepts at most " + maxBytes
                + " bytes (setting dynamo.max.value.bytes)");
    }
}
