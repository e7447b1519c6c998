package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Clients that hold connections while other requests go on: four send a put's body a byte every 100 ms (about
 * four seconds each), two announce a body and stop in the middle of it. The first must be stored exactly; the
 * second must get an error once the listener gives up waiting (30 s), not a 5xx, and store nothing. A bounded
 * number: each such client holds one of the listener's request threads (docs/reliability.md).
 */
public final class SlowClients {
    private static final Duration PAUSE = Duration.ofMillis(100);
    private final ExecutorService threads = Executors.newFixedThreadPool(6);
    private final List<Future<String>> clients = new ArrayList<>();

    private SlowClients() {
    }

    public static SlowClients start(List<FuzzTarget> nodes, KeyWatch watch) {
        SlowClients slow = new SlowClients();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 6; i++) {
            FuzzTarget node = nodes.get(i % nodes.size());
            String path = "/dynamo/api/v1/kv/slow-" + run + "-" + i;
            boolean stall = i >= 4;
            slow.clients.add(slow.threads.submit(() -> stall ? stall(node, path, watch) : trickle(node, path, watch)));
        }
        return slow;
    }

    /** Waits for every client; returns a line per one that was answered wrongly. */
    public List<String> finish() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Future<String> client : clients) {
            String problem = client.get(2, TimeUnit.MINUTES);
            if (problem != null) {
                failures.add(problem);
            }
        }
        threads.shutdown();
        return failures;
    }

    private static String trickle(FuzzTarget node, String path, KeyWatch watch) {
        String value = "sent a byte at a time to " + node;
        byte[] request = FuzzRequests.request("PUT", path, "Content-Type: text/plain\r\n", value.getBytes(ISO_8859_1),
                Credentials.client(node)).bytes();
        RawHttp.Answer answer = node.http().trickle(request, request.length - value.length(), PAUSE);
        if (answer.status() != 204) {
            return "a body trickled to " + node + " got " + answer;
        }
        String stored = watch.read(path);
        return stored.startsWith("200 ") && stored.endsWith(" " + value) ? null
                : "a body trickled to " + node + " reads back as " + stored;
    }

    private static String stall(FuzzTarget node, String path, KeyWatch watch) {
        String head = "PUT " + path + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                + Credentials.client(node).lines() + "Content-Type: text/plain\r\nContent-Length: 100\r\n\r\n";
        RawHttp.Answer answer = node.http().sendExactly((head + "only ten b").getBytes(ISO_8859_1));
        if (answer.status() < 400 || answer.status() >= 500 || !answer.jsonError()) {
            return "a body that stopped half-way to " + node + " got " + answer + " after " + answer.millis() + " ms";
        }
        String stored = watch.read(path);
        return stored.startsWith("404 ") ? null : "a body that stopped half-way left " + path + " as " + stored;
    }
}
