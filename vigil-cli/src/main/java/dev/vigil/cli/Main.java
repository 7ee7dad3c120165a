package dev.vigil.cli;

import dev.vigil.cli.bench.BenchCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigil} command. Each subcommand is one class; this class only registers them and maps
 * failures to the documented exit codes (see {@link ExitCodes}).
 */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds and fixes security vulnerabilities in source code.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ScanCommand.class,
            FixCommand.class,
            RulesCommand.class,
            ExplainCommand.class,
            ReportCommand.class,
            BenchCommand.class,
            dev.vigil.cli.model.TriageCommand.class,
            dev.vigil.cli.model.AuditCommand.class,
            dev.vigil.cli.model.SpecsCommand.class,
        },
        footer = {
            "",
            "Examples:",
            "  vigil scan                       scan the current directory",
            "  vigil scan src --format sarif --output vigil.sarif",
            "  vigil fix src --rule java/sql-injection   diff of verified fixes",
            "  vigil rules                      list the rules",
            "  vigil report vigil.sarif --output report.html",
            "  vigil bench --expected expected.csv --sarif a.sarif --sarif b.sarif",
            "",
            "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or configuration error, 3 internal error.",
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; used by the launcher and by in-process tests. */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    /**
     * Runs the command line with the given output streams instead of System.out / System.err; for
     * in-process tests and embedders.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** A command line whose command objects come from {@code factory} (tests supply their own analyzers this way). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new Main(), factory);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("vigil: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = ExitCodes.forException(ex);
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            commandLine.getErr().println("vigil: " + (code == ExitCodes.INTERNAL ? "internal error: " : "") + message);
            if (code == ExitCodes.INTERNAL) {
                ex.printStackTrace(commandLine.getErr());
            }
            return code;
        });
        return cli;
    }
}
