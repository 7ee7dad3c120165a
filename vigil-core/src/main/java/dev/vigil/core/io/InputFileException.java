package dev.vigil.core.io;

import java.io.IOException;

/** A file Vigil was asked to read (a baseline, a previous report) is missing, unreadable or malformed. */
public final class InputFileException extends IOException {

    private final String file;

    public InputFileException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public InputFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
