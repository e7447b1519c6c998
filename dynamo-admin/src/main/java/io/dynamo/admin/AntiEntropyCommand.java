package io.dynamo.admin;

import io.dynamo.api.AntiEntropyBody;
import io.dynamo.api.PartitionExchangesBody;
import io.dynamo.client.DynamoAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code anti-entropy}: each node's replica synchronisation; {@code anti-entropy run P} runs one exchange. */
@Command(name = "anti-entropy", subcommands = AntiEntropyRunCommand.class,
        description = "Each node's anti-entropy since it started: exchanges, failures, keys compared, repaired and"
                + " sent, read repairs, tombstones removed; --partitions lists each partition exchanged.")
final class AntiEntropyCommand implements Callable<Integer> {
    private final Context context;

    @Option(names = "--partitions", description = "Also list every partition each node has exchanged.")
    boolean partitions;

    AntiEntropyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Cluster cluster = context.cluster();
        List<NodeAnswer<AntiEntropyBody>> answers = cluster.askEach(cluster.admin().nodes(),
                DynamoAdmin::antiEntropyStatus);
        context.print(answers, render(answers, partitions, System.currentTimeMillis()));
        return NodeAnswer.exitCode(answers);
    }

    static String render(List<NodeAnswer<AntiEntropyBody>> answers, boolean partitions, long now) {
        Table totals = new Table("NODE", "EXCHANGES", "FAILURES", "KEYS COMPARED", "REPAIRED", "SENT",
                "READ REPAIRS", "TOMBSTONES REMOVED");
        Table each = new Table("NODE", "PARTITION", "LAST", "PEER", "EXCHANGES", "FAILURES", "LAST FAILURE");
        StringBuilder notes = new StringBuilder();
        for (NodeAnswer<AntiEntropyBody> answer : answers) {
            if (!answer.answered()) {
                notes.append(answer.notAsked());
                continue;
            }
            AntiEntropyBody ae = answer.answer();
            totals.row(answer.node(), ae.exchanges(), ae.failures(), ae.keysCompared(), ae.keysRepaired(),
                    ae.keysSent(), ae.readRepairs(), ae.tombstonesRemoved());
            for (PartitionExchangesBody p : ae.partitions()) {
                each.row(answer.node(), p.partition(), Cells.age(now - p.lastExchangeMillis()) + " ago",
                        Cells.orDash(p.lastPeer()), p.exchanges(), p.failures(), Cells.orDash(p.lastFailure()));
            }
        }
        StringBuilder text = new StringBuilder(totals.render());
        if (partitions && !each.isEmpty()) {
            text.append('\n').append(each.render());
        }
        return text.append(notes).toString();
    }
}
