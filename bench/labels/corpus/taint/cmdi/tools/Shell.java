package corpus.taint.cmdi.tools;

import java.io.IOException;

/** A small helper used by several callers; the sink sits here, the taint comes from the callers. */
public final class Shell {

    private Shell() {
    }

    public static Process run(String commandLine) throws IOException {
        return Runtime.getRuntime().exec(commandLine);
    }

    public static Process runFixed(String tool) throws IOException {
        return Runtime.getRuntime().exec(tool);
    }

    /** Returns a quoted single argument; callers still pass it to a shell, so it is no sanitizer. */
    public static String quote(String arg) {
        return "'" + arg + "'";
    }
}
