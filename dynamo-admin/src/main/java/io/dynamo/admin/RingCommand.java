package io.dynamo.admin;

import io.dynamo.api.MemberBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.RingChangeBody;
import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ring}: Q, N, R, W, the members and their share; optionally every partition's hash range and owner. */
@Command(name = "ring", description = "The ring: its version, Q, N, R and W, each member's weight and partitions;"
        + " with --ranges, every partition's range of MD5 hashes and its owner.")
final class RingCommand implements Callable<Integer> {
    private static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(128);
    private final Context context;

    @Option(names = "--ranges", description = "Also list every partition: [start, end) of its hashes and its owner.")
    boolean ranges;

    RingCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RingBody ring = context.cluster().admin().ring();
        context.print(ring, render(ring, ranges));
        return ExitCode.OK;
    }

    static String summary(RingBody ring) {
        return "ring v" + ring.version() + " (from " + ring.answeredBy() + "): Q=" + ring.partitions()
                + " partitions, N=" + ring.replicas() + ", R=" + ring.readQuorum() + ", W=" + ring.writeQuorum() + ", "
                + ring.members().size() + (ring.members().size() == 1 ? " member" : " members");
    }

    static String render(RingBody ring, boolean ranges) {
        Table members = new Table("NODE", "WEIGHT", "PARTITIONS", "SHARE");
        for (MemberBody member : ring.members()) {
            members.row(member.node(), member.weight(), member.partitions(),
                    String.format(Locale.ROOT, "%.1f%%", member.share() * 100));
        }
        StringBuilder text = new StringBuilder(summary(ring)).append('\n');
        RingChangeBody change = ring.change();
        if (change != null) {
            text.append("change from v").append(change.fromVersion()).append(" under way: seen by ").append(change.seen())
                    .append(" of ").append(change.participants()).append(" nodes, ").append(change.copiesConfirmed())
                    .append(" of ").append(change.copiesNeeded()).append(" copies confirmed, ")
                    .append(change.switched()).append(" of ").append(change.participants())
                    .append(" nodes reading from the new replicas\n");
        }
        text.append('\n').append(members.render());
        if (ranges) {
            Table partitions = new Table("PARTITION", "START", "END", "OWNER");
            for (int p = 0; p < ring.owners().size(); p++) {
                partitions.row(p, hash(p, ring.partitions()), hash(p + 1, ring.partitions()), ring.owners().get(p));
            }
            text.append('\n').append(partitions.render());
        }
        return text.toString();
    }

    /** Where partition p starts: p * 2^128 / Q, as 32 hex digits (the end of the last one is 2^128). */
    static String hash(int p, int q) {
        BigInteger start = HASH_SPACE.multiply(BigInteger.valueOf(p)).divide(BigInteger.valueOf(q));
        return start.equals(HASH_SPACE) ? "1" + "0".repeat(32) : String.format(Locale.ROOT, "%032x", start);
    }
}
