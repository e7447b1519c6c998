package io.dynamo.jaxrs.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The admin event stream under requests a console would not send: without credentials or with the client's, other
 * methods (HEAD included), types it cannot produce, and streams opened and dropped one after another. Each is
 * answered at once as documented; afterwards a new subscriber still gets the current state first.
 */
public final class EventStreamCases {
    private static final String EVENTS = "/dynamo/api/v1/admin/events";

    private EventStreamCases() {
    }

    public static List<String> check(FuzzTarget node) {
        List<String> failures = new ArrayList<>();
        expect(failures, node, "GET", "", Credentials.NONE, 401);
        expect(failures, node, "GET", "", Credentials.client(node), 403);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            expect(failures, node, method, "", Credentials.admin(node), 405);
        }
        expect(failures, node, "GET", "Accept: application/json\r\n", Credentials.admin(node), 406);
        expect(failures, node, "GET", "Accept: ;;\r\n", Credentials.admin(node), 400);
        expect(failures, node, "HEAD", "", Credentials.admin(node), 200);
        expect(failures, node, "OPTIONS", "", Credentials.admin(node), 200);
        for (int i = 0; i < 20; i++) {
            // Reads the head and the first event, then drops the connection, as a console that crashed would.
            expect(failures, node, "GET", i % 2 == 0 ? "Last-Event-ID: 42\r\n" : "", Credentials.admin(node), 200);
        }
        return failures;
    }

    private static void expect(List<String> failures, FuzzTarget node, String method, String headers,
                               Credentials credentials, int status) {
        RawHttp.Answer answer = node.http().sendExactly(FuzzRequests.request(method, EVENTS, headers, new byte[0],
                credentials).bytes());
        String problem = ApiOracle.problem(node, method, EVENTS, credentials, answer);
        boolean firstEvent = !method.equals("GET") || status != 200 || answer.body().startsWith("event: ring");
        if (answer.status() != status || problem != null || !firstEvent || answer.millis() > 10_000) {
            failures.add(method + " " + headers.strip() + " with " + credentials + " to " + node + " -> " + answer
                    + " after " + answer.millis() + " ms" + (problem == null ? "" : ": " + problem));
        }
    }
}
