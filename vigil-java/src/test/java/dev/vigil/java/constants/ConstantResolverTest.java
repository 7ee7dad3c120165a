package dev.vigil.java.constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.core.scan.Progress;
import dev.vigil.core.source.SourceFile;
import dev.vigil.java.frontend.JavaFrontEnd;
import dev.vigil.java.frontend.JavaProgram;
import dev.vigil.java.frontend.ParsedUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resolves the argument of every {@code use(...)} call in real parsed sources and compares the
 * possible values with what the code can actually produce.
 */
class ConstantResolverTest {

    /** The values of each use(x) argument, keyed by the enclosing method name. */
    private static Map<String, ValueSet> uses(Map<String, String> properties, String... javaFiles) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < javaFiles.length; i += 2) {
            files.add(file(javaFiles[i], javaFiles[i + 1]));
        }
        List<SourceFile> props = new ArrayList<>();
        properties.forEach((name, text) -> props.add(file(name, text)));
        JavaProgram program = new JavaFrontEnd(List.of(), 1).parse(files, Progress.NONE);
        ConstantResolver resolver = new ConstantResolver(ProjectProperties.of(props), program.units());
        Map<String, ValueSet> out = new LinkedHashMap<>();
        for (ParsedUnit unit : program.units()) {
            new TreePathScanner<Void, String>() {
                @Override
                public Void visitMethod(com.sun.source.tree.MethodTree m, String unused) {
                    return super.visitMethod(m, m.getName().toString());
                }

                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, String method) {
                    if (call.getMethodSelect().toString().equals("use")) {
                        out.put(method, resolver.resolve(new TreePath(getCurrentPath(), call.getArguments().get(0))));
                    }
                    return super.visitMethodInvocation(call, method);
                }
            }.scan(unit.tree(), null);
        }
        return out;
    }

    private static SourceFile file(String name, String text) {
        return new SourceFile(Path.of("/p", name), name, text, StandardCharsets.UTF_8, false, "\n");
    }

    private static void assertValues(Set<Object> expected, boolean complete, ValueSet actual) {
        assertEquals(expected, actual.values(), actual.toString());
        assertEquals(complete, actual.complete(), actual.toString());
    }

    @Test
    void foldsFieldsLocalsBranchesAndHelpers() {
        Map<String, ValueSet> v = uses(Map.of(), "a/Names.java", """
                package a;
                class Names {
                    static final boolean LEGACY = false;
                    static final String ALG = "AES";
                    private static final String BUILT = String.valueOf("DE") + "S";   // not a compile-time constant
                    private final String mode;
                    private String configured;
                    Names(String configured) { this.mode = "GCM"; this.configured = configured; }
                    void use(Object o) { }
                    void constantField() { use(ALG + "/" + "ECB"); }
                    void finalFieldWithCall() { use(BUILT); }
                    void finalFieldFromConstructor() { use(mode); }
                    void fieldFromParameter() { use(configured); }
                    void localReassigned() {
                        String alg = "DES";
                        alg = "AES";
                        use(alg);
                    }
                    void deadBranch() {
                        String alg = "AES";
                        if (LEGACY) {
                            alg = "DES";
                        }
                        use(alg);
                    }
                    void liveBranch(boolean flag) {
                        String alg = "AES";
                        if (flag) {
                            alg = "DES";
                        }
                        use(alg);
                    }
                    void earlyReturn(boolean flag) {
                        String alg = "AES";
                        if (flag) {
                            alg = "DES";
                            return;
                        }
                        use(alg);
                    }
                    void ternary(boolean flag) { use(flag ? "MD5" : "SHA-256"); }
                    void foldedTernary() { use(LEGACY ? "MD5" : "SHA-256"); }
                    void helper() { use(transformation("AES", "ECB")); }
                    void recursive() { use(loop(3)); }
                    void stringSwitch() {
                        String kind = "legacy";
                        use(switch (kind) { case "legacy" -> "DES"; default -> "AES"; });
                    }
                    void builder() {
                        StringBuilder b = new StringBuilder("AES");
                        b.append('/').append("CBC");
                        use(b.toString());
                    }
                    void builderEscapes() {
                        StringBuilder b = new StringBuilder("AES");
                        mutate(b);
                        use(b.toString());
                    }
                    void parameter(String p) { use(p); }
                    void numbers() { use("SHA-" + (200 + 56)); }
                    void longConcatenation() {
                        use("a" + "b" + "c" + "d" + "e" + "f" + "g" + "h" + "i" + "j" + "k" + "l" + "m" + "n" + ALG);
                    }
                    void upper() { use("md5".toUpperCase()); }
                    void booleans() { use(Boolean.parseBoolean("TRUE") && !LEGACY); }
                    static String transformation(String alg, String mode) {
                        String padding = "GCM".equals(mode) ? "NoPadding" : "PKCS5Padding";
                        return alg + "/" + mode + "/" + padding;
                    }
                    static String loop(int n) { return n == 0 ? "x" : loop(n - 1); }
                    static void mutate(StringBuilder b) { b.setLength(0); }
                }
                """);
        assertValues(Set.of("AES/ECB"), true, v.get("constantField"));
        assertValues(Set.of("DES"), true, v.get("finalFieldWithCall"));
        assertValues(Set.of("GCM"), true, v.get("finalFieldFromConstructor"));
        assertTrue(v.get("fieldFromParameter").isUnknown());
        assertValues(Set.of("AES"), true, v.get("localReassigned"));
        assertValues(Set.of("AES"), true, v.get("deadBranch"));
        assertValues(Set.of("AES", "DES"), true, v.get("liveBranch"));
        assertValues(Set.of("AES"), true, v.get("earlyReturn"));
        assertValues(Set.of("MD5", "SHA-256"), true, v.get("ternary"));
        assertValues(Set.of("SHA-256"), true, v.get("foldedTernary"));
        assertValues(Set.of("AES/ECB/PKCS5Padding"), true, v.get("helper"));
        assertFalse(v.get("recursive").complete(), "recursion is cut, not guessed");
        assertValues(Set.of("DES"), true, v.get("stringSwitch"));
        assertValues(Set.of("AES/CBC"), true, v.get("builder"));
        assertTrue(v.get("builderEscapes").isUnknown());
        assertTrue(v.get("parameter").isUnknown());
        assertValues(Set.of("SHA-256"), true, v.get("numbers"));
        assertValues(Set.of("abcdefghijklmnAES"), true, v.get("longConcatenation"));
        assertValues(Set.of("MD5"), true, v.get("upper"));
        assertValues(Set.of(true), true, v.get("booleans"));
    }

    @Test
    void parametersTakeTheValuesOfTheProjectsCallSites() {
        Map<String, ValueSet> v = uses(Map.of(), "a/Callers.java", """
                package a;
                class Callers {
                    void use(Object o) { }
                    private void privateHelper(String alg) { use(alg); }
                    public void publicHelper(String alg) { use(alg); }
                    void callers(String unknown) {
                        privateHelper("MD5");
                        privateHelper("SHA-256");
                        publicHelper("SHA-1");
                        new Other().delegate(unknown);
                    }
                }
                """, "a/Other.java", """
                package a;
                class Other {
                    void use(Object o) { }
                    void delegate(String alg) { use(alg); }
                }
                """);
        assertValues(Set.of("MD5", "SHA-256"), true, v.get("privateHelper"));
        assertValues(Set.of("SHA-1"), false, v.get("publicHelper"));
        assertTrue(v.get("delegate").isUnknown());
    }

    @Test
    void readsPropertiesAndSpringPlaceholdersFromTheProjectFiles() {
        Map<String, ValueSet> v = uses(Map.of(
                "a.properties", "digest=MD5\nshared=SHA-256\nsplit=MD5\n",
                "b.properties", "shared = SHA-256\nsplit=SHA-512\n"),
                "a/Config.java", """
                package a;
                import java.util.Properties;
                import org.springframework.beans.factory.annotation.Value;
                class Config {
                    private final Properties props = new Properties();
                    @Value("${digest:SHA-256}") private String injected;
                    @Value("${missing.key:SHA-384}") private String injectedDefault;
                    private final String fromConstructor;
                    Config(@Value("${digest}") String digest) { this.fromConstructor = digest; }
                    void use(Object o) { }
                    void defined() { use(props.getProperty("digest", "SHA-256")); }
                    void agreed() { use(props.getProperty("shared")); }
                    void conflicting() { use(props.getProperty("split", "MD5")); }
                    void absentWithDefault() { use(props.getProperty("absent", "SHA1")); }
                    void absentWithoutDefault() { use(props.getProperty("absent")); }
                    void spring() { use(injected); }
                    void springDefault() { use(injectedDefault); }
                    void springConstructor() { use(fromConstructor); }
                    void systemProperty() { use(System.getProperty("digest", "MD5")); }
                }
                """);
        assertValues(Set.of("MD5"), true, v.get("defined"));
        assertValues(Set.of("SHA-256"), true, v.get("agreed"));
        assertTrue(v.get("conflicting").isUnknown(), "files disagree: unknown, not guessed");
        assertValues(Set.of("SHA1"), true, v.get("absentWithDefault"));
        assertTrue(v.get("absentWithoutDefault").isUnknown());
        assertValues(Set.of("MD5"), true, v.get("spring"));
        assertValues(Set.of("SHA-384"), true, v.get("springDefault"));
        assertValues(Set.of("MD5"), true, v.get("springConstructor"));
        assertTrue(v.get("systemProperty").isUnknown(), "system properties are set at run time");
    }

    @Test
    void malformedPropertiesFileIsANotificationAndIsSkipped() {
        ProjectProperties p = ProjectProperties.of(List.of(file("bad.properties", "key=\\u12G4\n"),
                file("good.properties", "key=value\n")));
        assertEquals(1, p.notifications().size());
        assertEquals("bad.properties", p.notifications().get(0).file());
        assertEquals(new ProjectProperties.Lookup.Defined("value"), p.lookup("key"));
    }

    @Test
    void agreedValuesLeaveOutConflictingKeys() {
        ProjectProperties p = ProjectProperties.of(List.of(file("a.properties", "same=1\nsplit=a\n"),
                file("b.properties", "same = 1\nsplit=b\nonly=x\n")));
        assertEquals(Map.of("same", "1", "only", "x"), p.agreedValues());
        assertEquals(new ProjectProperties.Lookup.Conflicting(Set.of("a", "b")), p.lookup("split"));
    }

    @Test
    void placeholderSyntaxOutsideSimpleKeysIsUnknown() {
        ProjectProperties p = ProjectProperties.of(List.of(file("a.properties", "k=v\n")));
        assertValues(Set.of("v"), true, p.resolvePlaceholder("${k:default}"));
        assertTrue(p.resolvePlaceholder("#{systemProperties['k']}").isUnknown());
        assertTrue(p.resolvePlaceholder("prefix-${k}").isUnknown());
        assertTrue(p.resolvePlaceholder("${absent}").isUnknown());
    }
}
