package dev.vigil.cli;

import dev.vigil.core.scan.Analyzer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the command line with captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    /** Runs with the analyzers found on the class path, as the real command does. */
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code vigil scan} with the given analyzers instead of the discovered ones. */
    static CliRun withAnalyzers(List<Analyzer> analyzers, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ScanCommand.class ? cls.cast(new ScanCommand(() -> analyzers))
                        : CommandLine.defaultFactory().create(cls);
            }
        };
        return run(Main.commandLine(factory), args);
    }

    private static CliRun run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
