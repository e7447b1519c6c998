package io.dynamo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the nodes' HTTP, JAX-RS, CDI and access-check layers cost on their own: threads send authenticated GET
 * requests of {@code /admin/limits} (a small JSON document of the node's settings: no storage, no cluster traffic)
 * round-robin to the nodes, as fast as they are answered, and the requests answered in the measured window are
 * counted. With PATH {@code kv/KEY}, GET requests of that key instead (a key never written answers 404 from the
 * key-value path after one storage lookup per replica: the key-value API's own floor). A YCSB operation of workload A costs 1.5 such requests plus the store, the replicas and the client's
 * own work, so this bounds what the cluster can serve on the machine.
 *
 * <p>{@code RequestFloor BASE_URLS USER PASSWORD THREADS WARMUP_SECONDS SECONDS [LINGER_SECONDS [PATH]]}, the base URLs
 * comma-separated up to {@code .../api/v1/}; prints the requests per second and the p50, p99 and p99.9 latency in
 * milliseconds of the requests answered in the window after the warm-up. The load goes on for LINGER_SECONDS (default
 * 0) after the window, so that whoever reads CPU times at the window's end finds it still running. Stops at the first
 * answer other than 200 (or, for a key, 404) and exits with 1, naming it.
 */
public final class RequestFloor {
    /** Latencies (nanoseconds) of the requests sent and answered inside the window, and the first failure, if any. */
    record Result(Histogram latencies, Duration window, String failure) {
        double perSecond() {
            return latencies.getTotalCount() / (window.toNanos() / 1e9);
        }
    }

    private RequestFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6 || args.length > 8) {
            System.err.println("usage: RequestFloor BASE_URLS USER PASSWORD THREADS WARMUP_SECONDS SECONDS"
                    + " [LINGER_SECONDS [PATH]]");
            System.exit(2);
        }
        List<URI> bases = new ArrayList<>();
        for (String base : args[0].split(",")) {
            if (!base.isBlank()) {
                bases.add(URI.create(base.strip()));
            }
        }
        int threads = Integer.parseInt(args[3]);
        String path = args.length == 8 ? args[7] : "admin/limits";
        Result r = measure(bases, path, args[1], args[2], threads, Duration.ofSeconds(Long.parseLong(args[4])),
                Duration.ofSeconds(Long.parseLong(args[5])),
                Duration.ofSeconds(args.length >= 7 ? Long.parseLong(args[6]) : 0));
        if (r.failure() != null) {
            System.err.println(r.failure());
            System.exit(1);
        }
        Histogram h = r.latencies();
        System.out.printf(Locale.ROOT, "requests/s %.0f (%d GET /%s answered in %.1f s, %d threads)%n",
                r.perSecond(), h.getTotalCount(), path, r.window().toNanos() / 1e9, threads);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.2f p99 %.2f p99.9 %.2f%n",
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getValueAtPercentile(99.9) / 1e6);
    }

    static Result measure(List<URI> bases, String path, String user, String password, int threads,
                          Duration warmup, Duration window, Duration linger) throws InterruptedException {
        List<URI> targets = bases.stream().map(b -> b.resolve(path)).toList();
        int alsoAnswered = path.startsWith("kv/") ? 404 : 200;
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Recorder latencies = new Recorder(3);
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        long from = System.nanoTime() + warmup.toNanos();
        long to = from + window.toNanos();
        long end = to + linger.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long first = t;
            Thread worker = new Thread(() -> {
                long n = first;
                while (System.nanoTime() < end && failures.isEmpty()) {
                    URI target = targets.get((int) (n++ % targets.size()));
                    long sent = System.nanoTime();
                    String failure = get(http, target, authorization, alsoAnswered);
                    long done = System.nanoTime();
                    if (failure != null) {
                        failures.add(failure);
                    } else if (sent >= from && done <= to) {
                        latencies.recordValue(done - sent);
                    }
                }
            }, "request-floor-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(latencies.getIntervalHistogram(), window, failures.peek());
    }

    /** Null when answered with 200 or {@code alsoAnswered}, else what went wrong. */
    private static String get(HttpClient http, URI target, String authorization, int alsoAnswered) {
        HttpRequest request = HttpRequest.newBuilder(target).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return answer.statusCode() == 200 || answer.statusCode() == alsoAnswered ? null : "GET " + target + " answered " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "GET " + target + " interrupted";
        } catch (Exception e) {
            return "GET " + target + " failed: " + e;
        }
    }
}
