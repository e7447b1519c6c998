package io.dynamo.admin;

import io.dynamo.api.PlanChangeBody;
import io.dynamo.client.DynamoAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plan CHANGE...}: several ring changes planned as one, shown, and committed when confirmed. */
@Command(name = "plan", description = {"Makes several ring changes as one (one new ring version, one handover):"
        + " prints the plan, asks \"Commit? [y/N]\" and commits the plan reviewed.",
    "Each CHANGE is " + PlanChanges.SYNTAX + ", applied in order; each node may be named once.",
    "Example: plan join:node4 join:node5:2 leave:node2 replace:node3=node6 settings:3/2/2"})
final class PlanCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "CHANGE", arity = "1..*", description = "A change: " + PlanChanges.SYNTAX + ".")
    List<String> changes;

    @Option(names = {"-y", "--yes"}, description = "Commit without asking.")
    boolean yes;

    PlanCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<PlanChangeBody> planned = changes.stream().map(PlanChanges::parse).toList();
        DynamoAdmin admin = context.cluster().admin();
        return PlanReview.run(context, admin.plan(planned), yes, version -> admin.commitPlan(planned, version));
    }
}
