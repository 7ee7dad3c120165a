package dev.vigil.llm.code;

import java.util.regex.Pattern;

/**
 * Marks scanned text as data in a prompt. Everything from the repository (code, comments, file names,
 * tool output) goes between {@code <untrusted-code ...>} and {@code </untrusted-code>}, and any
 * spelling of those tags inside the text is defused, so a comment cannot close the block and pose as
 * an instruction. The system prompts tell the model what the tags mean.
 */
public final class DataBlock {

    public static final String OPEN = "<untrusted-code";
    public static final String CLOSE = "</untrusted-code>";
    private static final Pattern TAG = Pattern.compile("(?i)<(/?)\\s*untrusted-code");

    private DataBlock() {
    }

    public static String defuse(String text) {
        return TAG.matcher(text).replaceAll("<$1untrusted_code");
    }

    /** {@code text} wrapped in a data block labelled with its origin. */
    public static String wrap(String label, String text) {
        return OPEN + " source=\"" + defuse(label).replace("\"", "'") + "\">\n" + defuse(text) + "\n" + CLOSE;
    }
}
