package dev.vigil.llm.config;

/** A malformed or incomplete model configuration; the message names the file and line when known. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
