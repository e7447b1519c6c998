package io.dynamo.admin;

import io.dynamo.api.NamespaceBody;
import io.dynamo.api.NamespacePlanBody;
import io.dynamo.api.NamespaceRequestBody;
import io.dynamo.client.DynamoAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A namespace create, change or drop in two steps, as the admin API makes them: the plan (the entry the commit would
 * make) is shown, the operator confirms (or gave {@code --yes}), and the commit names the plan's catalog version, so
 * a catalog that changed in between is refused.
 */
final class NamespaceReview {
    private NamespaceReview() {
    }

    static int run(Context context, NamespaceRequestBody request, boolean yes) {
        DynamoAdmin admin = context.cluster().admin();
        // a change shows what differs from now: the namespace as the cluster has it before the plan
        NamespaceBody before = request.operation().equals("change") ? current(admin, request.name()) : null;
        NamespacePlanBody plan = admin.planNamespace(request);
        if (context.json() && yes) {
            context.print(admin.commitNamespace(request, plan.fromVersion()), "");
            return ExitCode.OK;
        }
        context.print(plan, render(plan, before));
        if (!yes && !context.terminal.confirm("Commit? [y/N] ")) {
            context.say("Not committed: the namespaces stay at catalog v" + plan.fromVersion() + ".");
            return ExitCode.DECLINED;
        }
        NamespacePlanBody committed = admin.commitNamespace(request, plan.fromVersion());
        if (context.json()) {
            context.print(committed, "");
        }
        context.say("Committed by " + committed.node() + ": " + committed.operation() + " of namespace "
                + committed.namespace().name() + ", catalog v" + committed.namespace().version() + ". Gossip takes it"
                + " to every node within seconds" + (committed.operation().equals("drop")
                ? "; each node then removes its keys ('dynamo-admin namespaces' shows dropping, then dropped)."
                : "; 'dynamo-admin namespaces' shows it."));
        return ExitCode.OK;
    }

    private static NamespaceBody current(DynamoAdmin admin, String name) {
        return admin.namespaces().namespaces().stream().filter(ns -> ns.name().equals(name)).findFirst()
                .orElse(null);
    }

    static String render(NamespacePlanBody plan, NamespaceBody before) {
        NamespaceBody ns = plan.namespace();
        StringBuilder text = new StringBuilder("plan (from ").append(plan.node()).append("): ")
                .append(plan.operation()).append(" namespace ").append(ns.name()).append(", catalog v")
                .append(plan.fromVersion()).append(" -> v").append(ns.version()).append("\n\n");
        Table entry = new Table("NAME", "STATE", "N", "R", "W", "DW", "POLICY", "ROLE", "TTL", "MAX KEY",
                "MAX VALUE", "SIBLINGS WARN/MAX");
        entry.row(ns.name(), ns.state(), ns.n(), ns.r(), ns.w(), ns.dw(), ns.policy(), ns.role(),
                NamespacesCommand.ttl(ns.ttl()), Cells.bytes(ns.maxKeyBytes()), Cells.bytes(ns.maxValueBytes()),
                ns.siblingsWarn() + "/" + ns.siblingsMax());
        text.append(entry.render());
        if (plan.operation().equals("change") && before != null) {
            List<String> changes = differences(before, ns);
            text.append('\n').append(changes.isEmpty() ? "no setting changes" : "changes: " + String.join(", ",
                    changes)).append('\n');
        }
        if (plan.operation().equals("drop")) {
            text.append("\nWarning: every node removes every key of ").append(ns.name()).append(", and the name is")
                    .append(" never used again.\n");
        }
        return text.toString();
    }

    private static List<String> differences(NamespaceBody from, NamespaceBody to) {
        List<String> changes = new ArrayList<>();
        differ(changes, "N", from.n(), to.n());
        differ(changes, "R", from.r(), to.r());
        differ(changes, "W", from.w(), to.w());
        differ(changes, "dw", from.dw(), to.dw());
        differ(changes, "policy", from.policy(), to.policy());
        differ(changes, "role", from.role(), to.role());
        differ(changes, "ttl", NamespacesCommand.ttl(from.ttl()), NamespacesCommand.ttl(to.ttl()));
        differ(changes, "max key", from.maxKeyBytes(), to.maxKeyBytes());
        differ(changes, "max value", from.maxValueBytes(), to.maxValueBytes());
        differ(changes, "siblings warn", from.siblingsWarn(), to.siblingsWarn());
        differ(changes, "siblings max", from.siblingsMax(), to.siblingsMax());
        return changes;
    }

    private static void differ(List<String> changes, String what, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(what + " " + from + " -> " + to);
        }
    }
}
