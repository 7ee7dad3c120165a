package dev.vigil.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.scan.Notification;
import dev.vigil.core.scan.Progress;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCollectorTest {

    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static SourceSet collect(SourceCollector.Options options, Path... roots) {
        return new SourceCollector(options).collect(List.of(roots));
    }

    private static List<String> paths(SourceSet set) {
        return set.files().stream().map(SourceFile::relativePath).toList();
    }

    private static String notificationsText(SourceSet set) {
        return String.join("\n", set.notifications().stream().map(Notification::text).toList());
    }

    @Test
    void collectsJavaPropertiesAndBuildFilesAndSkipsBuildOutput() throws IOException {
        write("pom.xml", "<project/>");
        write("src/main/java/a/A.java", "class A {}");
        write("src/main/resources/app.properties", "k=v");
        write("src/main/resources/readme.txt", "text");
        write("sub/build.gradle.kts", "plugins {}");
        for (String dir : List.of("target", "build", "out", ".git", "node_modules", ".gradle", ".idea")) {
            write(dir + "/Gen.java", "class Gen {}");
        }
        SourceSet set = collect(SourceCollector.Options.defaults(), root);
        assertEquals(root.toAbsolutePath().normalize(), set.base());
        assertEquals(List.of("src/main/java/a/A.java", "src/main/resources/app.properties"), paths(set));
        assertEquals(List.of(root.resolve("pom.xml"), root.resolve("sub/build.gradle.kts")), set.buildFiles());
        assertEquals(List.of(), set.notifications());
    }

    @Test
    void honoursNestedGitignoreFiles() throws IOException {
        write(".gitignore", """
                # generated code
                gen/
                *.properties
                !keep.properties
                /Root.java
                docs/**/Draft.java
                """);
        write("Root.java", "class Root {}");
        write("src/Root.java", "class Root {}");
        write("gen/G.java", "class G {}");
        write("src/gen/G.java", "class G {}");
        write("src/gen.java", "class gen {}"); // dir-only rule: a file named gen... is kept
        write("a.properties", "x=1");
        write("keep.properties", "x=1");
        write("docs/Draft.java", "class Draft {}");
        write("docs/x/y/Draft.java", "class Draft {}");
        write("lib/.gitignore", "*.java\n!Public.java\n");
        write("lib/Hidden.java", "class Hidden {}");
        write("lib/Public.java", "class Public {}");
        write("lib/deeper/Also.java", "class Also {}");
        SourceSet set = collect(SourceCollector.Options.defaults(), root);
        assertEquals(List.of("keep.properties", "lib/Public.java", "src/Root.java", "src/gen.java"), paths(set));
    }

    @Test
    void honoursTheRepositoryGitignoreAboveAScannedSubdirectory() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        write(".gitignore", "Secret*.java\n");
        write("src/A.java", "class A {}");
        write("src/SecretB.java", "class SecretB {}");
        SourceSet set = collect(SourceCollector.Options.defaults(), root.resolve("src"));
        assertEquals(List.of("A.java"), paths(set));
    }

    @Test
    void aNestedRepositoryIgnoresTheEnclosingRepositorysRules() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        write(".gitignore", "*.java\n");
        Files.createDirectories(root.resolve("inner/.git"));
        write("inner/A.java", "class A {}");
        assertEquals(List.of("A.java"), paths(collect(SourceCollector.Options.defaults(), root.resolve("inner"))));
    }

    @Test
    void appliesIncludeAndExcludeGlobs() throws IOException {
        write("src/main/java/A.java", "class A {}");
        write("src/main/java/ATest.java", "class ATest {}");
        write("src/generated/G.java", "class G {}");
        write("src/main/resources/a.properties", "k=v");
        SourceCollector.Options options = SourceCollector.Options.defaults()
                .withIncludes(List.of("src/**"))
                .withExcludes(List.of("*Test.java", "src/generated", "**/*.properties"));
        assertEquals(List.of("src/main/java/A.java"), paths(collect(options, root)));
        assertEquals(List.of("src/main/java/A.java", "src/main/java/ATest.java"),
                paths(collect(SourceCollector.Options.defaults().withIncludes(List.of("src/main/java")), root)));
    }

    @Test
    void skipsBinaryJavaFilesWithAWarning() throws IOException {
        Files.write(root.resolve("Blob.java"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 0x41});
        SourceSet set = collect(SourceCollector.Options.defaults(), root);
        assertEquals(List.of(), paths(set));
        assertEquals("Blob.java: skipped: binary content (NUL bytes) in a source file", notificationsText(set));
    }

    @Test
    void decodesLatin1WithAWarningAndBomsAndTheDeclaredEncoding() throws IOException {
        Files.write(root.resolve("Latin.java"), "class Latin { String s = \"caf\u00e9\"; }"
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] body = "class Bom { String s = \"\u00fc\"; }".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(root.resolve("Bom.java"), withBom);
        Files.write(root.resolve("Wide.java"), "\uFEFFclass Wide {}\r\n".getBytes(StandardCharsets.UTF_16LE));
        SourceSet set = collect(SourceCollector.Options.defaults(), root);

        SourceFile latin = set.files().stream().filter(f -> f.relativePath().equals("Latin.java")).findFirst()
                .orElseThrow();
        assertTrue(latin.text().contains("caf\u00e9"));
        assertEquals(StandardCharsets.ISO_8859_1, latin.charset());
        SourceFile bom = set.files().get(0);
        assertEquals("Bom.java", bom.relativePath());
        assertTrue(bom.bom());
        assertTrue(bom.text().startsWith("class Bom"));
        SourceFile wide = set.files().get(2);
        assertEquals(StandardCharsets.UTF_16LE, wide.charset());
        assertEquals("class Wide {}\r\n", wide.text());
        assertEquals("\r\n", wide.lineSeparator());
        assertEquals("Latin.java: not valid UTF-8; decoded as ISO-8859-1 (non-ASCII characters may be wrong)",
                notificationsText(set));
    }

    @Test
    void usesThePomsDeclaredEncodingBeforeFallingBackToLatin1() throws IOException {
        write("pom.xml", "<project><properties><project.build.sourceEncoding>windows-1252"
                + "</project.build.sourceEncoding></properties></project>");
        Files.createDirectories(root.resolve("src"));
        Files.write(root.resolve("src/Euro.java"), "class Euro { char c = '\u20ac'; }"
                .getBytes(Charset.forName("windows-1252")));
        SourceSet set = collect(SourceCollector.Options.defaults(), root);
        assertEquals("windows-1252", set.files().get(0).charset().name());
        assertTrue(set.files().get(0).text().contains("\u20ac"));
        assertEquals(Notification.Level.NOTE, set.notifications().get(0).level());
    }

    @Test
    void warnsAboutAnUnknownDeclaredEncoding() throws IOException {
        write("pom.xml", "<project.build.sourceEncoding>klingon-8</project.build.sourceEncoding>");
        write("A.java", "class A {}");
        SourceSet set = collect(SourceCollector.Options.defaults(), root);
        assertEquals(List.of("A.java"), paths(set));
        assertEquals("pom.xml: cannot use the declared source encoding: klingon-8", notificationsText(set));
    }

    @Test
    void skipsHugeFilesWithAWarning() throws IOException {
        write("Huge.java", "class Huge {}\n" + "// filler\n".repeat(300));
        write("Small.java", "class Small {}");
        SourceSet set = collect(SourceCollector.Options.defaults().withMaxFileBytes(1024), root);
        assertEquals(List.of("Small.java"), paths(set));
        assertEquals("Huge.java: skipped: 2.9 KB is larger than the limit of 1.0 KB", notificationsText(set));
    }

    @Test
    void followsNoSymlinkLoop() throws IOException {
        write("a/A.java", "class A {}");
        Files.createSymbolicLink(root.resolve("a/loop"), root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/up"), root);
        SourceSet set = collect(SourceCollector.Options.defaults(), root);
        assertEquals(List.of("a/A.java"), paths(set));
        assertTrue(notificationsText(set).contains("a/loop: symbolic link loop"), notificationsText(set));
        assertTrue(notificationsText(set).contains("a/up: symbolic link loop"), notificationsText(set));
    }

    @Test
    void reportsABrokenSymlinkAsUnreadable() throws IOException {
        Files.createSymbolicLink(root.resolve("Gone.java"), root.resolve("does-not-exist.java"));
        write("Ok.java", "class Ok {}");
        SourceSet set = collect(SourceCollector.Options.defaults(), root);
        assertEquals(List.of("Ok.java"), paths(set));
        assertEquals("Gone.java: cannot read: broken symbolic link", notificationsText(set));
    }

    @Test
    void missingPathIsAnErrorNamingThePath() throws IOException {
        write("A.java", "class A {}");
        MissingPathException e = assertThrows(MissingPathException.class,
                () -> collect(SourceCollector.Options.defaults(), root, root.resolve("nope")));
        assertEquals("path not found: " + root.resolve("nope"), e.getMessage());
    }

    @Test
    void reportsReadingProgress() throws IOException {
        write("A.java", "class A {}");
        write("b/B.java", "class B {}");
        List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        new SourceCollector(SourceCollector.Options.defaults()).collect(List.of(root), new Progress() {
            @Override
            public void start(String phase, int total) {
                phases.add(phase + " " + total);
            }

            @Override
            public void advance(int n) {
                done.addAndGet(n);
            }
        });
        assertEquals(List.of("reading 2"), phases);
        assertEquals(2, done.get());
    }

    @Test
    void emptyDirectoryGivesAnEmptySet() {
        SourceSet set = collect(SourceCollector.Options.defaults(), root);
        assertEquals(List.of(), set.files());
        assertEquals(List.of(), set.notifications());
    }

    @Test
    void severalRootsAreRelativeToTheirCommonParent() throws IOException {
        Path a = write("mod-a/src/A.java", "class A {}");
        write("mod-b/src/B.java", "class B {}");
        SourceSet set = collect(SourceCollector.Options.defaults().withJobs(2), a, root.resolve("mod-b"),
                root.resolve("mod-b/src"));
        assertEquals(root.toAbsolutePath().normalize(), set.base());
        assertEquals(List.of("mod-a/src/A.java", "mod-b/src/B.java"), paths(set));
        assertFalse(set.files().get(0).bom());
    }

    @Test
    void explicitNonSourceFileIsNamedNotSilentlyDropped() throws IOException {
        Path txt = write("notes.txt", "hello");
        SourceSet set = collect(SourceCollector.Options.defaults(), txt);
        assertEquals(List.of(), set.files());
        assertEquals("notes.txt: not a .java or .properties file; skipped", notificationsText(set));
    }

    @Test
    void globsFollowGitignoreSemantics() {
        assertTrue(Glob.compile("*.java").matches("a/b/C.java"));
        assertFalse(Glob.compile("/*.java").matches("a/C.java"));
        assertTrue(Glob.compile("a/**/C.java").matches("a/C.java"));
        assertTrue(Glob.compile("a/**/C.java").matches("a/x/y/C.java"));
        assertTrue(Glob.compile("a/**").matches("a/x/y"));
        assertFalse(Glob.compile("a/*").matches("a/x/y"));
        assertTrue(Glob.compile("[A-C]?.java").matches("Bx.java"));
        assertFalse(Glob.compile("[!A-C]?.java").matches("Bx.java"));
        assertTrue(Glob.compile("src/gen").matchesPathOrParent("src/gen/A.java"));
    }
}
