package dev.vigil.java.taint;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The content type an HTTP response declares. A servlet response whose content type was set to a type
 * browsers never render as a page (JSON, plain text, CSV, binary formats) on every path is tagged, and the
 * writer or stream obtained from it afterwards is not a cross-site scripting sink: what it writes is
 * data, not HTML. Setting an HTML, XML or unknown type removes the tag.
 */
final class ContentTypes {

    static final String NOT_HTML = Value.MUST + "not-html-response";

    private static final Set<String> RESPONSES = Set.of("javax.servlet.ServletResponse", "jakarta.servlet.ServletResponse");
    private static final Set<String> NOT_RENDERED = Set.of("application/json", "text/plain", "text/csv",
            "application/octet-stream", "application/pdf", "application/zip", "application/gzip", "image/png",
            "image/jpeg", "image/gif", "image/webp", "text/event-stream", "application/x-ndjson");

    private ContentTypes() {
    }

    /** Whether the call sets the response's content type; then {@link #declares} tells which. */
    static boolean setsContentType(String method, Set<String> receiverTypes, List<Value> args) {
        if (RESPONSES.stream().noneMatch(receiverTypes::contains)) {
            return false;
        }
        return method.equals("setContentType") && args.size() == 1
                || (method.equals("setHeader") || method.equals("addHeader")) && args.size() == 2
                        && args.get(0).constant() instanceof String h && h.equalsIgnoreCase("Content-Type");
    }

    /** The response after the call: tagged when the type set is a constant that is never rendered as HTML. */
    static Value declares(Value response, List<Value> args) {
        Object type = args.get(args.size() - 1).constant();
        return type instanceof String t && notRendered(t) ? response.withTag(NOT_HTML) : response.withoutTag(NOT_HTML);
    }

    static boolean notRendered(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return NOT_RENDERED.contains(media) || media.startsWith("application/") && media.endsWith("+json");
    }
}
