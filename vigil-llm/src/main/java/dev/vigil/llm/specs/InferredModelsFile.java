package dev.vigil.llm.specs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes inferred specs as rows of a models-as-data file ({@code .vigil/models/inferred.yml}) in the
 * format the taint engine loads, each row preceded by a comment with its provenance (model, profile,
 * date, confidence, reason) for review. Rows from earlier runs are kept: the file is this writer's own
 * format, so its sections are merged line by line. The result is checked by {@code validator} (the
 * models loader) before it atomically replaces the old file, so a bad row never breaks the next scan.
 */
public final class InferredModelsFile {

    private static final List<String> SECTIONS = List.of("sources", "sinks", "sanitizers", "summaries");

    private InferredModelsFile() {
    }

    /** The YAML of {@code existing} (may be null) plus rows for {@code specs}. */
    public static String render(String existing, List<InferredSpec> specs, LocalDate date) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        SECTIONS.forEach(s -> blocks.put(s, new ArrayList<>()));
        if (existing != null) {
            String section = null;
            for (String line : existing.split("\\R")) {
                String t = line.strip();
                if (!line.startsWith(" ") && t.endsWith(":") && blocks.containsKey(t.substring(0, t.length() - 1))) {
                    section = t.substring(0, t.length() - 1);
                } else if (section != null && line.startsWith("  ")) {
                    blocks.get(section).add(line);
                }
            }
        }
        for (InferredSpec s : specs) {
            String section = switch (s.role()) {
                case SOURCE -> "sources";
                case SINK -> "sinks";
                case SANITIZER -> "sanitizers";
                case PROPAGATOR -> "summaries";
            };
            blocks.get(section).add(String.format(Locale.ROOT, "  # inferred %s by %s (profile %s), confidence %.2f: %s",
                    date, oneLine(s.model()), oneLine(s.profile()), s.confidence(), oneLine(s.reason())));
            blocks.get(section).add("  - " + row(s));
        }
        StringBuilder out = new StringBuilder();
        out.append("# Taint specifications inferred by a model with `vigil specs infer`. Review each row before\n")
                .append("# committing it: delete wrong rows, keep the rest. Vigil scans load this file automatically.\n");
        for (String section : SECTIONS) {
            if (!blocks.get(section).isEmpty()) {
                out.append('\n').append(section).append(":\n");
                blocks.get(section).forEach(l -> out.append(l).append('\n'));
            }
        }
        return out.toString();
    }

    private static String row(InferredSpec s) {
        String base = "{type: " + s.api().type() + ", method: " + quoteIfNeeded(s.api().method())
                + (s.api().arity() >= 0 ? ", arity: " + s.api().arity() : "");
        return switch (s.role()) {
            case SOURCE -> base + ", output: return, kind: " + s.kind() + ", label: " + quote("inferred " + s.api().method()) + "}";
            case SINK -> base + ", input: " + s.position() + ", rule: " + s.rule() + ", label: "
                    + quote("inferred " + s.api().method()) + "}";
            case SANITIZER -> base + ", rules: [" + s.rule() + "]}";
            case PROPAGATOR -> base + ", from: " + s.position() + ", to: return}";
        };
    }

    private static String quoteIfNeeded(String method) {
        return method.startsWith("<") ? quote(method) : method;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").strip();
    }

    /**
     * Merges {@code specs} into {@code file}, validates the result with {@code validator} (which throws
     * on a malformed file) and moves it into place atomically.
     */
    public static void write(Path file, List<InferredSpec> specs, LocalDate date, Consumer<String> validator) throws IOException {
        String existing = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        String text = render(existing, specs, date);
        validator.accept(text);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "inferred", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
