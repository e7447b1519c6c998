package io.dynamo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad argument: a message that says what is wrong and what to do, exit code 2, never a stack trace, and no
 * request sent (the node given does not exist, so a request would end in exit code 3 instead).
 */
class BadUsageTest {
    private static final Map<String, String> ENV = Map.of("DYNAMO_NODES", "http://127.0.0.1:1");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                       | give a command, e.g. 'dynamo-admin status'",
        "statuss                                  | Did you mean: dynamo-admin status",
        "status --frobnicate                      | Unknown option: '--frobnicate'",
        "join                                     | Missing required parameter: 'NODE'",
        "leave                                    | Missing required parameter: 'NODE'",
        "key                                      | Missing required parameter: 'KEY'",
        "key ''                                   | KEY must not be empty.",
        "anti-entropy run                         | Missing required parameter: 'PARTITION'",
        "hints purge                              | Missing required parameter: 'NODE'",
        "hints purge a/b --yes                    | 'a/b' is not a node id",
        "join node-4 --weight abc                 | Invalid value for option '--weight': 'abc' is not an int",
        "join node-4 --weight 0                   | --weight must be a whole number of 1 or more; got 0.",
        "join node/4                              | 'node/4' is not a node id: 1 to 64 letters, digits, '-' or '_'.",
        "leave ''                                 | '' is not a node id",
        "remove                                   | Missing required parameter: 'NODE'",
        "remove a.b                               | 'a.b' is not a node id",
        "replace                                  | Missing required parameters: 'NODE', 'NEW'",
        "replace node-3                           | Missing required parameter: 'NEW'",
        "replace node-3 node/5                    | 'node/5' is not a node id",
        "settings 3 2                             | Missing required parameter: 'W'",
        "settings three 2 2                       | Invalid value for positional parameter at index 0 (N)",
        "settings 3 4 2                           | N=3 R=4 W=2 are not settings: N must be 1 or more",
        "settings 0 1 1                           | N=0 R=1 W=1 are not settings",
        "namespace                                | give create, change or drop",
        "namespace create                         | Missing required parameter: 'NAME'",
        "namespace change --n 2                   | Missing required parameter: 'NAME'",
        "namespace drop                           | Missing required parameter: 'NAME'",
        "namespace rename a b                     | Unmatched arguments from index 1: 'rename', 'a', 'b'",
        "namespace create c --n two               | Invalid value for option '--n': 'two' is not an int",
        "namespace create c --n 0                 | --n must be a whole number of 1 or more; got 0.",
        "namespace change c --r -1                | --r must be a whole number of 1 or more; got -1.",
        "namespace change c --dw -1               | --dw must be a whole number of 0 or more; got -1.",
        "namespace create c --ttl -5              | --ttl must be 0 (none) to 315360000 seconds (10 years); got -5.",
        "namespace create c --ttl 315360001       | --ttl must be 0 (none) to 315360000 seconds",
        "namespace create c --ttl soon            | Invalid value for option '--ttl': 'soon' is not a long",
        "namespace create c --max-key-bytes 0     | --max-key-bytes must be a whole number of 1 or more; got 0.",
        "namespace create c --max-value-bytes 1MB | Invalid value for option '--max-value-bytes': '1MB' is not an int",
        "namespace create c --siblings-max 0      | --siblings-max must be a whole number of 1 or more",
        "namespace create c --siblings-warn x     | Invalid value for option '--siblings-warn'",
        "namespace create c --policy lww          | --policy 'lww' is not a policy: give siblings or last-write-wins.",
        "namespace create c --role ''             | --role must not be empty",
        "namespace drop c --n 2                   | Unknown options: '--n', '2'",
        "plan                                     | Missing required parameter: 'CHANGE'",
        "plan join                                | 'join' is not a change: give join:NODE[:WEIGHT], leave:NODE",
        "plan add:node4                           | 'add:node4' is not a change",
        "plan join:node/4                         | 'node/4' is not a node id",
        "plan join:node4:0                        | 'join:node4:0': the weight must be a whole number of 1 or more; got '0'.",
        "plan join:node4:x                        | the weight must be a whole number of 1 or more; got 'x'.",
        "plan join:node4:2:3                      | the weight must be a whole number of 1 or more; got '2:3'.",
        "plan leave:                              | '' is not a node id",
        "plan replace:node3                       | 'replace:node3' is not a change",
        "plan replace:node3=                      | '' is not a node id",
        "plan settings:3/2                        | 'settings:3/2' is not a change",
        "plan settings:3/4/2                      | 'settings:3/4/2' are not settings: N must be 1 or more, R and W from 1 to N.",
        "plan settings:0/0/0                      | 'settings:0/0/0' are not settings",
        "plan settings:99999999999/1/1            | are not settings",
        "plan join:node4 --weight 2               | Unknown option: '--weight'",
        "anti-entropy run x                       | Invalid value for positional parameter at index 0 (PARTITION): 'x'",
        "anti-entropy run -1                      | PARTITION must be 0 or more; got -1.",
        "status --node 'ht tp://x'                | --node 'ht tp://x' is not a node URL",
        "status --node ftp://host:21              | only http and https are supported",
        "status --node http://user@host:8080      | credentials go in --credentials",
        "status --node http://:8080               | no host",
        "status --timeout 0                       | --timeout must be a whole number of seconds, 1 or more; got 0.",
        "status --timeout soon                    | Invalid value for option '--timeout': 'soon' is not an int",
        "transfers --wait --timeout=-5            | --timeout must be a whole number of seconds",
        "status --credentials /no/such/file       | cannot read the credentials file /no/such/file (no such file)",
        "backup --dir backups                     | --dir backups is relative; give an absolute path",
        "backup --dir                             | Missing required parameter for option '--dir' (DIR)",
        "backup --wait --timeout 0                | --timeout must be a whole number of seconds",
        "restore                                  | Missing required options: '--from=BACKUP', '--data-dir=DIR'",
        "restore --from /b                        | Missing required option: '--data-dir=DIR'",
        "restore --from /b --data-dir /d --node-id a/b | 'a/b' is not a node id",
    })
    void isRefusedWithAClearMessage(String args, String message) {
        Run run = Run.of(ENV, args.isEmpty() ? new String[0] : split(args));

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).as(run.toString()).startsWith("dynamo-admin: ").contains(message);
        assertThat(run.err().lines().count()).as(run.toString()).isLessThanOrEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aCredentialsFileThatIsADirectoryOrHasNoPasswordIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("creds"), "user=ops\n");

        Run directory = Run.of(ENV, "hints", "--credentials", dir.toString());
        Run noPassword = Run.of(ENV, "hints", "--credentials", empty.toString());

        assertThat(directory.code()).as(directory.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(directory.err()).contains("cannot read the credentials file " + dir + " (Is a directory)");
        assertThat(noPassword.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noPassword.err()).contains("has no password=... line");
        assertThat(directory.clean() && noPassword.clean()).isTrue();
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Run run = Run.of(ENV, "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("status", "ring", "nodes", "join", "leave", "replace", "remove", "settings",
                "transfers", "hints", "anti-entropy", "key", "plan", "namespaces", "namespace", "Exit codes:", "5   declined at the prompt");
        assertThat(Run.of(ENV, "join", "--help").out()).contains("--weight=W", "--yes", "Exit codes:");
        assertThat(Run.of(ENV, "namespace", "create", "--help").out()).contains("--n=N", "--policy=POLICY",
                "--ttl=SECONDS", "--siblings-max=K", "--yes");
        assertThat(Run.of(ENV, "plan", "--help").out()).contains("join:NODE[:WEIGHT]", "replace:NODE=NEW",
                "settings:N/R/W");
    }

    @Test
    void aNodeThatDoesNotAnswerIsExitCode3AndNamedEvenWhenTheOptionFollowsTheCommand() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Run run = Run.of(Map.of(), "ring", "--node", "127.0.0.1:" + closed);

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(run.err()).startsWith("dynamo-admin: no node answered (tried 127.0.0.1:" + closed)
                .contains("--node (or DYNAMO_NODES)");
        assertThat(run.clean()).isTrue();
    }

    private static String[] split(String args) {
        // '' stands for an empty argument, 'a b' for one with a space
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(args);
        while (m.find()) {
            parts.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return parts.toArray(String[]::new);
    }
}
