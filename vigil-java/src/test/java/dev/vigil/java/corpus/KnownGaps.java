package dev.vigil.java.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ratchet of accepted mismatches ({@code known-gaps.txt}). A listed mismatch does not fail the
 * corpus; a listed mismatch that no longer happens does, so the list can only shrink unless someone
 * rewrites it on purpose with {@code -Dvigil.corpus.updateGaps=true}.
 *
 * @param entries stable mismatch ids ({@link Mismatch#id()}), each with the 1-based line it was read from
 */
record KnownGaps(Path file, Map<String, Integer> entries) {

    /** "missing   a/B.java:12 java/xss" or "unexpected a/B.java:12 java/xss", anything after is ignored. */
    private static final Pattern LINE = Pattern.compile("(missing|unexpected)\\s+(\\S+):(\\d+)\\s+(\\S+).*");

    static KnownGaps read(Path file) throws IOException {
        Map<String, Integer> entries = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new KnownGaps(file, entries);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1)
                        + ": not a gap line (expected 'missing   <file>:<line> <rule-id>' or 'unexpected <file>:<line> <rule-id>'): " + line);
            }
            Mismatch.Type type = m.group(1).equals("missing") ? Mismatch.Type.MISSING : Mismatch.Type.UNEXPECTED;
            String id = new Mismatch(type, new LineKey(m.group(2), Integer.parseInt(m.group(3)), m.group(4)), "").id();
            entries.putIfAbsent(id, i + 1);
        }
        return new KnownGaps(file, Map.copyOf(entries));
    }

    boolean accepts(Mismatch mismatch) {
        return entries.containsKey(mismatch.id());
    }

    /** Listed gaps of {@code file} (a prefixed relative path) that did not occur this run. */
    List<String> stale(String file, Collection<Mismatch> occurred) {
        Set<String> seen = new TreeSet<>();
        occurred.forEach(m -> seen.add(m.id()));
        List<String> out = new ArrayList<>();
        for (String id : new TreeSet<>(entries.keySet())) {
            if (fileOf(id).equals(file) && !seen.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Files named by the list, so entries for files that no longer exist can be reported. */
    Set<String> files() {
        Set<String> out = new TreeSet<>();
        entries.keySet().forEach(id -> out.add(fileOf(id)));
        return out;
    }

    int lineOf(String id) {
        return entries.getOrDefault(id, 0);
    }

    private static String fileOf(String id) {
        Matcher m = LINE.matcher(id);
        if (!m.matches()) {
            throw new IllegalStateException("not a gap id: " + id);
        }
        return m.group(2);
    }

    /** Rewrites the list from this run's mismatches, atomically (temp file + move). */
    static void write(Path file, Collection<Mismatch> mismatches) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# Corpus mismatches accepted for now; the corpus test fails when one of them no longer happens.\n");
        text.append("# Regenerate with: mvn -pl vigil-java -am test -Dtest=CorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dvigil.corpus.updateGaps=true\n");
        mismatches.stream().sorted().map(Mismatch::id).distinct().forEach(id -> text.append(id).append('\n'));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".known-gaps", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
