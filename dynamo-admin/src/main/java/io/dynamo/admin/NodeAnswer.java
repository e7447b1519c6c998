package io.dynamo.admin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One node's own answer (hints, transfers, anti-entropy are each node's view), or why it could not be had.
 *
 * @param node    the node's id
 * @param address its HTTP address; absent when it never announced one
 * @param answer  what it answered; absent when it could not be asked
 * @param error   why not; absent when it answered
 */
@JsonbPropertyOrder({"node", "address", "answer", "error"})
public record NodeAnswer<T>(String node, String address, T answer, String error) {
    boolean answered() {
        return answer != null;
    }

    /** The line under a table for a node that could not be asked. */
    String notAsked() {
        return node + ": not asked: " + error + "\n";
    }

    /** 0 when every node answered, else 3: the table is shown, but part of the cluster is unknown. */
    static int exitCode(List<? extends NodeAnswer<?>> answers) {
        return answers.stream().allMatch(NodeAnswer::answered) ? ExitCode.OK : ExitCode.UNAVAILABLE;
    }
}
