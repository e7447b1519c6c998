package io.dynamo.admin;

import io.dynamo.api.HintQueueBody;
import io.dynamo.api.HintsBody;
import io.dynamo.client.DynamoAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code hints}: the hints each node holds for replicas it stood in for. */
@Command(name = "hints", subcommands = HintsPurgeCommand.class, description = "The hints each node holds for the"
        + " replicas it stood in for: one queue per target, with its size and the age of its oldest hint (asked of"
        + " each node). 'hints purge NODE' drops the hints for NODE.")
final class HintsCommand implements Callable<Integer> {
    private final Context context;

    HintsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Cluster cluster = context.cluster();
        List<NodeAnswer<HintsBody>> answers = cluster.askEach(cluster.admin().nodes(), DynamoAdmin::hints);
        context.print(answers, render(answers));
        return NodeAnswer.exitCode(answers);
    }

    static String render(List<NodeAnswer<HintsBody>> answers) {
        Table holders = new Table("NODE", "HINTS", "SIZE", "DELIVERED");
        Table queues = new Table("NODE", "FOR", "HINTS", "SIZE", "OLDEST");
        StringBuilder notes = new StringBuilder();
        for (NodeAnswer<HintsBody> answer : answers) {
            if (!answer.answered()) {
                notes.append(answer.notAsked());
                continue;
            }
            HintsBody hints = answer.answer();
            holders.row(answer.node(), hints.count(), Cells.bytes(hints.bytes()), hints.delivered());
            for (HintQueueBody queue : hints.queues()) {
                queues.row(answer.node(), queue.target(), queue.count(), Cells.bytes(queue.bytes()),
                        Cells.age(queue.oldestAgeMillis()));
            }
        }
        StringBuilder text = new StringBuilder(holders.render());
        if (!queues.isEmpty()) {
            text.append('\n').append(queues.render());
        }
        return text.append(notes).toString();
    }
}
