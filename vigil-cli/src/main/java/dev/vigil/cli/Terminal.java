package dev.vigil.cli;

/** What the CLI may assume about where its output goes. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Colours only for a person at a terminal: System.console() is null when standard output is
     * redirected (a file, a pipe, a CI log), and https://no-color.org asks to honour NO_COLOR.
     */
    static boolean colorsOnStdout() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }
}
