package io.dynamo.admin;

import io.dynamo.api.NamespaceRequestBody;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code namespace drop NAME}: plans dropping a namespace and its keys, commits it when confirmed. */
@Command(name = "drop", description = {"Drops a namespace: prints the plan and a warning, asks \"Commit? [y/N]\" and"
        + " commits the plan reviewed.",
    "Every node then removes the namespace's keys ('namespaces' shows dropping, then dropped); the name is never"
        + " used again."})
final class NamespaceDropCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "NAME", description = "The namespace's name.")
    String name;

    @Option(names = {"-y", "--yes"}, description = "Commit without asking.")
    boolean yes;

    NamespaceDropCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return NamespaceReview.run(context, NamespaceRequestBody.drop(name), yes);
    }
}
