package io.dynamo.admin;

import io.dynamo.api.MoveBody;
import io.dynamo.api.PartitionCountBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.PlanChangeBody;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A ring change (join, leave, replace, remove, settings, or a plan of several) in two steps, as the admin API
 * makes them: the plan is shown, the operator confirms (or gave {@code --yes}), and the commit names the plan's ring
 * version, so a ring that changed in between is refused.
 */
final class PlanReview {
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private PlanReview() {
    }

    /** The node argument as the API accepts it, checked here so a typo costs no request. */
    static String nodeId(String node) {
        if (!NODE_ID.matcher(node).matches()) {
            throw CliFailure.usage("'" + node + "' is not a node id: 1 to 64 letters, digits, '-' or '_'.");
        }
        return node;
    }

    static int run(Context context, PlanBody plan, boolean yes, LongFunction<PlanBody> commit) {
        if (context.json() && yes) {
            PlanBody committed = commit.apply(plan.fromVersion());
            context.print(committed, "");
            return ExitCode.OK;
        }
        context.print(plan, render(plan));
        if (!yes && !context.terminal.confirm("Commit? [y/N] ")) {
            context.say("Not committed: the ring stays at v" + plan.fromVersion() + ".");
            return ExitCode.DECLINED;
        }
        PlanBody committed = commit.apply(plan.fromVersion());
        if (context.json()) {
            context.print(committed, "");
        }
        context.say("Committed by " + committed.answeredBy() + ": ring v" + committed.toVersion() + ". The nodes"
                + " now stream the moved partitions; follow them with 'dynamo-admin transfers --wait'.");
        return ExitCode.OK;
    }

    private static String change(PlanChangeBody c) {
        return switch (c.op()) {
            case "join" -> "join " + c.node() + " with weight " + (c.weight() == null ? 1 : c.weight());
            case "replace" -> "replace " + c.node() + " with " + c.with();
            case "settings" -> "set N=" + c.n() + " R=" + c.r() + " W=" + c.w();
            default -> c.op() + " " + c.node();
        };
    }

    static String render(PlanBody plan) {
        String what = plan.changes() == null || plan.changes().isEmpty() ? plan.operation() + " " + plan.node()
                : plan.changes().stream().map(PlanReview::change).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("plan (from ").append(plan.answeredBy()).append("): ").append(what)
                .append(", ring v").append(plan.fromVersion()).append(" -> v").append(plan.toVersion()).append(": ")
                .append(plan.moves().size()).append(plan.moves().size() == 1 ? " partition moves" : " partitions move")
                .append("\n\n");
        Table counts = new Table("NODE", "PARTITIONS BEFORE", "AFTER");
        for (PartitionCountBody count : plan.counts()) {
            counts.row(count.node(), count.before(), count.after());
        }
        text.append(counts.render());
        if (!plan.moves().isEmpty()) {
            Table moves = new Table("PARTITION", "FROM", "TO");
            for (MoveBody move : plan.moves()) {
                moves.row(move.partition(), move.from(), move.to());
            }
            text.append('\n').append(moves.render());
        }
        return text.toString();
    }
}
