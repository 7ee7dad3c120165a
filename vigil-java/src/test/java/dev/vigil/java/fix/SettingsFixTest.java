package dev.vigil.java.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.scan.AnalysisOptions;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceCollector;
import dev.vigil.core.source.SourceFile;
import dev.vigil.core.source.SourceSet;
import dev.vigil.java.JavaAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A weak algorithm chosen by a setting is fixed in the {@code .properties} file that sets it. */
class SettingsFixTest {

    private static final String DIGESTS = """
            package demo;

            import java.security.MessageDigest;
            import java.util.Properties;

            public class Digests {
                private final Properties config = new Properties();

                public MessageDigest signature() throws Exception {
                    return MessageDigest.getInstance(config.getProperty("partner.signature.digest", "SHA-256"));
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void definitionsAreTheLinesThatSetTheKey() {
        SourceFile f = new SourceFile(dir.resolve("a.properties"), "a.properties", String.join("\n",
                "# partner.signature.digest=MD5", "partner.signature.digest = MD5  ", "partner.signature.digestX=MD5",
                "  partner.signature.digest:SHA1", "partner.signature.digest MD4", "partner.signature.digest=MD\\",
                "  5", "other=MD5"), StandardCharsets.UTF_8, false, "\n");
        List<Settings.Definition> defs = Settings.definitions(List.of(f), "partner.signature.digest");
        assertEquals(List.of("MD5", "SHA1", "MD4"), defs.stream().map(Settings.Definition::value).toList());
        Settings.Definition first = defs.get(0);
        assertEquals("MD5", f.text().substring(first.start(), first.end()));
    }

    @Test
    void theSettingIsChangedWhereItIsSet() throws IOException {
        Files.writeString(dir.resolve("Digests.java"), DIGESTS);
        Files.writeString(dir.resolve("partner.properties"), "# the partner API\npartner.signature.digest=MD5\n");
        FixProposal p = fixOne();
        FixProposal.Edits e = assertInstanceOf(FixProposal.Edits.class, p, p.toString());
        assertEquals("partner.properties", e.file());
        assertTrue(e.description().contains("SHA-256 in the setting partner.properties"), e.description());
        assertEquals("# the partner API\npartner.signature.digest=SHA-256\n",
                Edit.apply(Files.readString(dir.resolve("partner.properties")), e.edits()));
    }

    @Test
    void aSettingMadeInSeveralFilesIsLeftToAPerson() throws IOException {
        Files.writeString(dir.resolve("Digests.java"), DIGESTS);
        Files.writeString(dir.resolve("partner.properties"), "partner.signature.digest=MD5\n");
        Files.writeString(dir.resolve("partner-test.properties"), "partner.signature.digest=MD5\n");
        FixProposal p = fixOne();
        FixProposal.NotFixable n = assertInstanceOf(FixProposal.NotFixable.class, p, p.toString());
        assertTrue(n.reason().contains("set in several places"), n.reason());
    }

    private FixProposal fixOne() {
        SourceSet sources = new SourceCollector(SourceCollector.Options.defaults()).collect(List.of(dir), Progress.NONE);
        JavaAnalyzer analyzer = new JavaAnalyzer();
        List<Finding> findings = analyzer.analyze(sources, AnalysisOptions.defaults(), Progress.NONE).findings();
        assertEquals(1, findings.size(), findings.toString());
        FixVerifier.Outcome outcome = new FixVerifier(List.of(analyzer), AnalysisOptions.defaults())
                .verify(sources, findings, FixEngine.forProject(sources).propose(sources, findings), FixVerifier.Mode.PARSE);
        return outcome.proposals().get(0);
    }
}
