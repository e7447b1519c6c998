package io.dynamo.admin;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code namespace}: groups create, change and drop; alone it is a usage error. */
@Command(name = "namespace", subcommands = {NamespaceCreateCommand.class, NamespaceChangeCommand.class,
    NamespaceDropCommand.class}, description = "Creates, changes or drops a namespace: prints the plan, asks"
        + " \"Commit? [y/N]\" and commits the plan reviewed. 'namespaces' lists them.")
final class NamespaceCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "give create, change or drop, e.g. 'dynamo-admin namespace create carts --n 2'");
    }
}
