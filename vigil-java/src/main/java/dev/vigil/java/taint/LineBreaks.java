package dev.vigil.java.taint;

import java.util.List;
import java.util.Set;

/**
 * Recognizes string replacements that remove line breaks ({@code replaceAll("[\r\n]", "_")},
 * {@code replace("\n", "").replace("\r", "")} counts once both are gone): such text cannot forge log
 * lines or split HTTP headers.
 */
final class LineBreaks {

    static final Set<String> RULES = Set.of("java/log-injection", "java/header-injection");

    private LineBreaks() {
    }

    static boolean removedBy(String method, List<Value> args) {
        if (args.size() != 2 || !(method.equals("replaceAll") || method.equals("replace"))) {
            return false;
        }
        Object pattern = args.get(0).constant();
        Object replacement = args.get(1).constant();
        if (!(pattern instanceof String p) || replacement == null) {
            return false;
        }
        if (replacement instanceof String r && (r.contains("\n") || r.contains("\r"))) {
            return false;
        }
        if (method.equals("replace")) {
            return false; // a literal replace removes one kind of break; the other may remain
        }
        boolean cr = p.contains("\r") || p.contains("\\r");
        boolean lf = p.contains("\n") || p.contains("\\n");
        return cr && lf || p.contains("\\p{Cntrl}") || p.contains("\\R") || p.contains("\\v")
                || p.contains("\\s") || p.contains("\\p{Space}");
    }
}
