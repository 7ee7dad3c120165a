package dev.vigil.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.finding.Finding;
import dev.vigil.core.io.InputFileException;
import dev.vigil.core.io.JsonFiles;
import dev.vigil.core.report.JsonReportReader;
import dev.vigil.core.sarif.SarifReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team has already seen, by fingerprint: a previous SARIF or Vigil JSON report. A scan
 * with a baseline reports only what is new, which is how a CI job fails on new problems without
 * first fixing every old one.
 */
public final class Baseline {

    private final Path source;
    private final Set<String> fingerprints;

    private Baseline(Path source, Set<String> fingerprints) {
        this.source = source;
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /** Reads a SARIF log or a Vigil JSON report, whichever the file holds. */
    public static Baseline load(Path file) throws InputFileException {
        JsonNode root = JsonFiles.read(file);
        List<Finding> findings;
        if (SarifReader.isSarif(root)) {
            findings = SarifReader.read(root, file.toString()).findings();
        } else if (JsonReportReader.isVigilJson(root)) {
            findings = JsonReportReader.read(root, file.toString()).result().findings();
        } else {
            throw new InputFileException(file.toString(),
                    "neither a SARIF log nor a Vigil JSON report; write a baseline with "
                            + "'vigil scan --format sarif --output FILE' (or --format json)");
        }
        Set<String> known = new HashSet<>();
        findings.forEach(f -> known.add(f.fingerprint()));
        return new Baseline(file, known);
    }

    public static Baseline of(Path source, Set<String> fingerprints) {
        return new Baseline(source, fingerprints);
    }

    public boolean contains(Finding finding) {
        return fingerprints.contains(finding.fingerprint());
    }

    /** The findings the baseline does not know. */
    public List<Finding> newFindings(List<Finding> findings) {
        return findings.stream().filter(f -> !contains(f)).toList();
    }

    public int size() {
        return fingerprints.size();
    }

    public Path source() {
        return source;
    }
}
