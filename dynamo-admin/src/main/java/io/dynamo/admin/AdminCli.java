package io.dynamo.admin;

import io.dynamo.client.DynamoClientException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code dynamo-admin}: the top command, its subcommands, and how failures become messages and exit codes. */
@Command(name = "dynamo-admin", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        version = "dynamo-admin 0.1.0", sortOptions = false, usageHelpAutoWidth = true,
        description = "Operates a Dynamo cluster through its admin API (docs/cli.md).",
        subcommands = {StatusCommand.class, RingCommand.class, NodesCommand.class, JoinCommand.class,
            LeaveCommand.class, ReplaceCommand.class, RemoveCommand.class, SettingsCommand.class,
            PlanCommand.class, NamespacesCommand.class, NamespaceCommand.class, TransfersCommand.class,
            HintsCommand.class, AntiEntropyCommand.class, KeyCommand.class, BackupCommand.class,
            RestoreCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            " 0:done",
            " 1:the cluster refused the request (4xx: stale plan, unknown node, bad partition, ...), a backup"
                + " failed, or a restore was refused",
            " 2:bad usage (unknown command or option, bad value, unreadable credentials file)",
            " 3:no node answered, a node answered 5xx, or (status) a node could not be asked",
            " 4:credentials refused (401) or not the admin user's (403)",
            " 5:declined at the prompt: nothing committed",
            " 6:transfers --wait or backup --wait timed out",
            "70:a failure of dynamo-admin itself"})
final class AdminCli implements Runnable {
    /** Jersey's warnings about optional providers are not the operator's concern; kept here so they stay off. */
    private static final Logger JERSEY = Logger.getLogger("org.glassfish");

    static {
        JERSEY.setLevel(Level.OFF);
    }

    @Mixin
    @SuppressWarnings("unused") // picocli fills it: the options are the shared context's
    private GlobalOptions global;
    @Spec
    private CommandSpec spec;

    private AdminCli(Context context) {
        this.global = context.options;
    }

    /** Without a command: a usage error (exit code 2). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command, e.g. 'dynamo-admin status'");
    }

    /** Runs the command line; returns the exit code. Never throws, never prints a stack trace. */
    static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
        Terminal terminal = new Terminal(out, err, new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8)));
        try (Context context = new Context(terminal, env)) {
            CommandLine cli = new CommandLine(new AdminCli(context), new Factory(context));
            cli.setOut(out).setErr(err);
            cli.setParameterExceptionHandler(AdminCli::badUsage);
            cli.setExecutionExceptionHandler((e, command, parsed) -> failed(e, context));
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("dynamo-admin: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCode.USAGE;
    }

    private static int failed(Exception e, Context context) {
        CliFailure failure;
        if (e instanceof CliFailure f) {
            failure = f;
        } else if (e instanceof DynamoClientException d) {
            failure = Failures.of(d);
        } else if (e instanceof IllegalArgumentException) {
            failure = CliFailure.usage(e.getMessage());
        } else {
            failure = new CliFailure(ExitCode.INTERNAL, "unexpected failure: " + e
                    + "\nThis is a fault of dynamo-admin; DYNAMO_ADMIN_DEBUG=1 shows where it happened.");
            if (context.env.containsKey("DYNAMO_ADMIN_DEBUG")) {
                e.printStackTrace(context.terminal.err());
            }
        }
        context.say("dynamo-admin: " + failure.getMessage());
        return failure.exitCode();
    }

    /** Gives each command the shared context. */
    private record Factory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == GlobalOptions.class) {
                return type.cast(context.options);
            }
            try {
                return type.getDeclaredConstructor(Context.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
