package dev.vigil.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON document from disk, turning every failure into an {@link InputFileException} naming the file. */
public final class JsonFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {
    }

    public static JsonNode read(Path file) throws InputFileException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputFileException(name, "is a directory, expected a JSON or SARIF file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputFileException(name, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputFileException(name, "permission denied", e);
        } catch (IOException e) {
            throw new InputFileException(name, "cannot read: " + e.getMessage(), e);
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InputFileException(name, "empty file, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InputFileException(name, "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputFileException(name, "cannot read: " + e.getMessage(), e);
        }
    }
}
