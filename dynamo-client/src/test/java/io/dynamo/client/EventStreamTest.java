package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event-stream reader against raw sockets: a node that goes silent, one that never answers. */
class EventStreamTest {
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
    private final List<ServerSentEvent> events = new CopyOnWriteArrayList<>();
    private final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private EventStream follow(URI node, Duration idleLimit) {
        DynamoClient client = DynamoClient.builder().seed(node).build();
        EventStream stream = client.events(node, Duration.ofMillis(20), idleLimit, new EventStream.Listener() {
            @Override
            public void event(ServerSentEvent event) {
                events.add(event);
            }

            @Override
            public void status(ConnectionStatus status) {
                statuses.add(status);
            }
        });
        closing.add(stream);
        closing.add(client);
        return stream;
    }

    /** Accepts connections, answers each with the headers and one event, then says nothing more. */
    private static final class SilentNode implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "silent-node");

        SilentNode() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/dynamo/api/v1/");
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.add(socket);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] event = "event: ring\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(event);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aStreamSilentForLongerThanTheIdleLimitIsReopened() throws Exception {
        SilentNode node = new SilentNode();
        closing.add(node);
        follow(node.base(), Duration.ofMillis(300));

        await(() -> node.accepted.size() >= 2 && events.size() >= 2);
        assertThat(events).extracting(ServerSentEvent::event).containsOnly("ring");
        assertThat(statuses).extracting(ConnectionStatus::state).containsSubsequence(ConnectionState.CONNECTING,
                ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
    }

    @Test
    void aNodeThatAcceptsButNeverAnswersCountsAsDown() throws Exception {
        // a listening socket nobody accepts from: the kernel completes the handshake, no answer ever comes
        try (ServerSocket frozen = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            follow(URI.create("http://127.0.0.1:" + frozen.getLocalPort() + "/"), Duration.ofMillis(300));

            await(() -> statuses.stream().anyMatch(s -> s.state() == ConnectionState.RECONNECTING));
            assertThat(statuses).extracting(ConnectionStatus::state).doesNotContain(ConnectionState.CONNECTED);
            assertThat(statuses.get(1).message()).contains("no node answered");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
