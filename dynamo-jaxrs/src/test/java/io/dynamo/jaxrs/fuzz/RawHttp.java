package io.dynamo.jaxrs.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send (raw bytes in the path, broken
 * escapes, control characters in headers, conflicting framing, bodies sent a byte at a time). Each request uses its
 * own connection.
 */
public final class RawHttp {
    /** How long any answer may take: longer counts as a hang (the listener gives up on a stalled body after 30 s). */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(45);
    private final String host;
    private final int port;

    public RawHttp(int port) {
        this("127.0.0.1", port);
    }

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The answer; status -1 when none came (the text then says why), {@code millis} how long it took. */
    public record Answer(int status, String headers, String body, long millis) {
        public boolean json() {
            return header("content-type").startsWith("application/json");
        }

        public boolean jsonError() {
            return json() && body.contains("\"error\"");
        }

        /** The first value of a header, lower-cased name; empty when absent. */
        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return "";
        }

        @Override
        public String toString() {
            return status < 0 ? "no answer (" + headers + ")" : status + " " + body.substring(0, Math.min(200,
                    body.length()));
        }
    }

    /**
     * Sends the head as given, then {@code Host}, {@code Connection: close}, a {@code Content-Length} of the body,
     * the empty line and the body.
     *
     * @param head the request line and headers, without the final empty line; bytes are sent as given
     */
    public Answer send(byte[] head, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head);
        request.writeBytes(("\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return exchange(request.toByteArray(), 0, Duration.ZERO);
    }

    /** Sends exactly these bytes (framing included) and reads the answer; the server decides when to close. */
    public Answer sendExactly(byte[] request) {
        return exchange(request, 0, Duration.ZERO);
    }

    /**
     * Sends the first {@code prefix} bytes at once and the rest one byte per {@code pause}: a slow client. With
     * {@code pause} long enough, the server's read timeout ends the request instead.
     */
    public Answer trickle(byte[] request, int prefix, Duration pause) {
        return exchange(request, prefix, pause);
    }

    private Answer exchange(byte[] request, int prefix, Duration pause) {
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getByName(host), port)) {
            socket.setSoTimeout((int) ANSWER_LIMIT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                if (pause.isZero()) {
                    out.write(request);
                } else {
                    out.write(request, 0, prefix);
                    for (int i = prefix; i < request.length; i++) {
                        out.flush();
                        Thread.sleep(pause.toMillis());
                        out.write(request[i]);
                    }
                }
                out.flush();
            } catch (SocketException answeredEarly) {
                // The server may answer and close before everything is sent (a body over the limit): read that.
            }
            return parse(readAll(socket.getInputStream()), start);
        } catch (SocketTimeoutException e) {
            return new Answer(-1, "no answer within " + ANSWER_LIMIT, "", elapsed(start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer parse(byte[] all, long start) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(-1, text.isEmpty() ? "connection closed without an answer" : text, "", elapsed(start));
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String headers = text.substring(0, end);
        byte[] rest = Arrays.copyOfRange(all, end + 4, all.length);
        byte[] content = headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? dechunk(rest) : rest;
        return new Answer(status, headers, new String(content, StandardCharsets.UTF_8), elapsed(start));
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Everything until the server closes; of an event stream, which stays open, the head and the first event. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            buffer.write(chunk, 0, n);
            String text = buffer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0 && text.substring(0, end).toLowerCase(Locale.ROOT).contains("content-type: text/event-stream")
                    && text.indexOf("\n\n", end + 4) >= 0) {
                break;
            }
        }
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
