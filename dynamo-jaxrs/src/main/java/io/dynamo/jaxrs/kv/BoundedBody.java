package io.dynamo.jaxrs.kv;

import io.dynamo.core.ValueTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body up to the value size limit. The limit is enforced while reading (and up front from
 * Content-Length), so an oversized or endless body never gets buffered.
 */
final class BoundedBody {
    private BoundedBody() {
    }

    static byte[] read(InputStream in, String contentLength, int maxBytes) {
        long declared = parseLength(contentLength);
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes", maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(declared, 0));
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1L - out.size()))) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        return out.toByteArray();
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
