package io.dynamo.admin;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.Map;

/** What every command shares: the terminal, the environment, the global options and the connection. */
final class Context implements AutoCloseable {
    private static final Jsonb JSON = JsonbBuilder.create();

    final Terminal terminal;
    final Map<String, String> env;
    final GlobalOptions options = new GlobalOptions();
    /** Set by a command whose --timeout is a total wait: its requests keep the default timeout. */
    boolean waitsLong;
    private Cluster cluster;

    Context(Terminal terminal, Map<String, String> env) {
        this.terminal = terminal;
        this.env = Map.copyOf(env);
    }

    /** Connects on first use, checking the node URLs, the credentials and the timeout. */
    Cluster cluster() {
        if (cluster == null) {
            cluster = new Cluster(NodeUrls.parse(options.nodes, env.get("DYNAMO_NODES")),
                    AdminCredentials.resolve(options.credentials, env), requestTimeout());
        }
        return cluster;
    }

    /** --timeout, or the default, capped at the given value. */
    Duration timeout(Duration byDefault) {
        if (options.timeoutSeconds == null) {
            return byDefault;
        }
        if (options.timeoutSeconds < 1) {
            throw CliFailure.usage("--timeout must be a whole number of seconds, 1 or more; got "
                    + options.timeoutSeconds + ".");
        }
        return Duration.ofSeconds(options.timeoutSeconds);
    }

    Duration requestTimeout() {
        Duration timeout = timeout(Cluster.DEFAULT_TIMEOUT);
        return timeout.compareTo(Cluster.DEFAULT_TIMEOUT) > 0 && waitsLong ? Cluster.DEFAULT_TIMEOUT : timeout;
    }

    boolean json() {
        return options.json;
    }

    /** Prints the command's result: the text as is, or the JSON document when --json. */
    void print(Object document, String text) {
        terminal.out().print(options.json ? JSON.toJson(document) + "\n" : text);
        terminal.out().flush();
    }

    /** A message for the operator (progress, outcome), kept off the result's stream. */
    void say(String message) {
        terminal.err().println(message);
        terminal.err().flush();
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
