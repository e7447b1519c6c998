package io.dynamo.admin;

import picocli.CommandLine.Command;

/** {@code namespace change NAME}: plans new settings of a namespace, commits them when confirmed. */
@Command(name = "change", description = {"Changes a namespace's settings: prints the entry the commit would make and"
        + " what differs from now, asks \"Commit? [y/N]\" and commits the plan reviewed.",
    "What is not given stays as it is. A new TTL applies to puts from then on; a change of N moves no data."})
final class NamespaceChangeCommand extends NamespaceSettingsCommand {
    NamespaceChangeCommand(Context context) {
        super(context, "change");
    }
}
