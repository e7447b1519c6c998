package io.dynamo.admin;

import picocli.CommandLine.Command;

/** {@code namespace create NAME}: plans a new namespace, commits it when confirmed. */
@Command(name = "create", description = {"Creates a namespace: prints the entry the commit would make, asks"
        + " \"Commit? [y/N]\" and commits the plan reviewed.",
    "What is not given comes from default (R and W a majority of N when only --n is given), with role none and no"
        + " TTL. A name in use or once used is refused (exit 1)."})
final class NamespaceCreateCommand extends NamespaceSettingsCommand {
    NamespaceCreateCommand(Context context) {
        super(context, "create");
    }
}
