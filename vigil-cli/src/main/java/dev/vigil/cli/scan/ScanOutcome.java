package dev.vigil.cli.scan;

import dev.vigil.core.scan.ScanResult;
import java.nio.file.Path;

/**
 * A finished scan: the result for reporters, the directory its paths are relative to, and what the
 * baseline hid (hidden findings are gone from the result; the count keeps the summary honest).
 */
public record ScanOutcome(ScanResult result, Path baseDirectory, int hiddenByBaseline) {
}
