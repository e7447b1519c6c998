package io.dynamo.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code namespace create} and {@code change} share: NAME, the settings options, {@code --yes}. */
abstract class NamespaceSettingsCommand implements Callable<Integer> {
    private final Context context;
    private final String operation;

    @Parameters(paramLabel = "NAME", description = "The namespace's name: 1 to 64 lower-case letters, digits, '-'"
            + " or '_', starting with a letter.")
    String name;

    @Mixin
    NamespaceSettings settings;

    @Option(names = {"-y", "--yes"}, description = "Commit without asking.")
    boolean yes;

    NamespaceSettingsCommand(Context context, String operation) {
        this.context = context;
        this.operation = operation;
    }

    @Override
    public Integer call() {
        return NamespaceReview.run(context, settings.request(operation, name), yes);
    }
}
