package dev.vigil.java.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One text replacement in a file's decoded text: {@code length} characters at {@code offset} become
 * {@code replacement}. Offsets come from javac's source positions, so they count UTF-16 code units
 * of the text without its byte order mark.
 */
public record Edit(int offset, int length, String replacement) {

    public Edit {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative edit range " + offset + "+" + length);
        }
        replacement = replacement == null ? "" : replacement;
    }

    public static Edit insert(int offset, String text) {
        return new Edit(offset, 0, text);
    }

    public static Edit replace(int start, int end, String text) {
        return new Edit(start, end - start, text);
    }

    public int end() {
        return offset + length;
    }

    /** Whether two edits touch the same characters (two insertions at one point also conflict: their order is unknown). */
    public boolean overlaps(Edit other) {
        if (offset == other.offset) {
            return true;
        }
        return offset < other.end() && other.offset < end();
    }

    /**
     * Applies edits from the bottom of the file up, so every offset still refers to the original text.
     *
     * @throws IllegalArgumentException when edits overlap or fall outside the text
     */
    public static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::offset).thenComparingInt(Edit::length));
        for (int i = 1; i < sorted.size(); i++) {
            Edit a = sorted.get(i - 1);
            Edit b = sorted.get(i);
            if (b.offset < a.end() || (b.offset == a.offset && a.length == 0 && b.length == 0)) {
                throw new IllegalArgumentException("overlapping edits at offset " + b.offset);
            }
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Edit e = sorted.get(i);
            if (e.end() > text.length()) {
                throw new IllegalArgumentException("edit beyond the end of the text at offset " + e.offset);
            }
            out.replace(e.offset, e.end(), e.replacement);
        }
        return out.toString();
    }
}
