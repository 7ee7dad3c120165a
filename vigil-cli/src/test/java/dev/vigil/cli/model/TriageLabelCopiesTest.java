package dev.vigil.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * bench/labels/corpus holds copies of corpus files with their answer markers removed (made by
 * scripts/make-triage-labels.py), so a model under test cannot read the label. The copies must stay
 * exactly the corpus minus the markers: this test fails when the corpus changes and the copies were
 * not regenerated.
 */
class TriageLabelCopiesTest {

    private static final Pattern MARKER = Pattern.compile("\\s*// vigil: (expect|safe) (\\S+).*$");

    @Test
    void shippedCopiesAreTheCorpusWithoutMarkers() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path copies = root.resolve("bench/labels/corpus");
        Path corpus = root.resolve("vigil-java/src/test/corpus");
        List<Path> files;
        try (Stream<Path> s = Files.walk(copies)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no copies under " + copies);
        for (Path copy : files) {
            Path original = corpus.resolve(copies.relativize(copy).toString());
            String expected = Files.readString(original, StandardCharsets.UTF_8).lines()
                    .map(l -> MARKER.matcher(l).replaceFirst("")).collect(Collectors.joining("\n"));
            String actual = Files.readString(copy, StandardCharsets.UTF_8).lines().collect(Collectors.joining("\n"));
            assertEquals(expected, actual, copy + " differs from " + original
                    + " without markers: run scripts/make-triage-labels.py");
        }
    }
}
