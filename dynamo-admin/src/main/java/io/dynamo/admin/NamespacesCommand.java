package io.dynamo.admin;

import io.dynamo.api.NamespaceBody;
import io.dynamo.api.NamespacesBody;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code namespaces}: every namespace with its settings, state and the answering node's keys of it. */
@Command(name = "namespaces", description = {"Every namespace, default first, dropped ones included: state, N, R,"
        + " W, dw, conflict policy, role, TTL, limits, the keys the answering node holds of it and, while dropped"
        + " keys are removed, how far that node has come.",
    "Create, change and drop them with 'namespace create|change|drop NAME'."})
final class NamespacesCommand implements Callable<Integer> {
    private final Context context;

    NamespacesCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NamespacesBody namespaces = context.cluster().admin().namespaces();
        context.print(namespaces, render(namespaces));
        return ExitCode.OK;
    }

    static String render(NamespacesBody body) {
        Table table = new Table("NAME", "STATE", "N", "R", "W", "DW", "POLICY", "ROLE", "TTL", "MAX KEY", "MAX VALUE",
                "SIBLINGS WARN/MAX", "KEYS", "PURGE");
        for (NamespaceBody ns : body.namespaces()) {
            table.row(ns.name(), ns.state(), ns.n(), ns.r(), ns.w(), ns.dw(), ns.policy(), ns.role(), ttl(ns.ttl()),
                    Cells.bytes(ns.maxKeyBytes()), Cells.bytes(ns.maxValueBytes()),
                    ns.siblingsWarn() + "/" + ns.siblingsMax(), Cells.orDash(ns.keysHere()), purge(ns.purge()));
        }
        return "namespaces (from " + body.node() + "): catalog v" + body.catalogVersion() + ", "
                + body.namespaces().size() + (body.namespaces().size() == 1 ? " namespace" : " namespaces") + "\n\n"
                + table.render() + "KEYS: held by " + body.node() + " (tombstones included)\n";
    }

    /** The default time to live of a put, or - for none. */
    static String ttl(long seconds) {
        return seconds == 0 ? "-" : seconds + " s";
    }

    private static String purge(NamespaceBody.PurgeBody purge) {
        return purge == null ? "-" : purge.partitionsDone() + "/" + purge.partitions() + " partitions, "
                + purge.keysRemoved() + " keys removed";
    }
}
