package io.dynamo.jaxrs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send (raw bytes in the path, broken
 * escapes, control characters in headers). Each request uses its own connection ({@code Connection: close}).
 */
final class RawHttp {
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    record Answer(int status, String headers, String body) {
        boolean json() {
            return headers.toLowerCase(Locale.ROOT).contains("content-type: application/json");
        }
    }

    /** @param head the request line and headers, without the final empty line; bytes are sent as given */
    Answer send(byte[] head, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                out.write(("\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (SocketException answeredEarly) {
                // The server may answer and close before the whole body is sent (a body over the limit): read that.
            }
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                return new Answer(-1, text, "");
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String headers = text.substring(0, end);
            byte[] rest = Arrays.copyOfRange(all, end + 4, all.length);
            byte[] content = headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? dechunk(rest)
                    : rest;
            return new Answer(status, headers, new String(content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

    /** Chunk sizes count bytes, so this works on bytes. */
    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int eol = at;
            while (eol + 1 < chunked.length && !(chunked[eol] == '\r' && chunked[eol + 1] == '\n')) {
                eol++;
            }
            String line = new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).trim().split(";")[0];
            int size = line.isEmpty() ? 0 : Integer.parseInt(line, 16);
            if (size == 0 || eol + 2 > chunked.length) {
                break;
            }
            out.write(chunked, eol + 2, Math.min(size, chunked.length - eol - 2));
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
