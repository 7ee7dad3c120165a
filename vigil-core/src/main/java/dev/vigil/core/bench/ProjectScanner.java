package dev.vigil.core.bench;

import java.nio.file.Path;

/**
 * Scans one project directory in-process for the truth benchmark. The CLI supplies Vigil's scan
 * pipeline; the core only needs the results.
 */
@FunctionalInterface
public interface ProjectScanner {

    /**
     * @throws Exception when the scan cannot run at all; the entry is then reported as an error and the
     *     benchmark goes on with the next one
     */
    ToolResults scan(Path projectDir) throws Exception;
}
