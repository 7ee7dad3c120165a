package dev.vigil.java.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java release a project compiles for, read from its build file: Maven's
 * {@code maven.compiler.release/source}, the compiler plugin's {@code <release>/<source>} or
 * {@code java.version}; Gradle's {@code sourceCompatibility} or toolchain {@code languageVersion}.
 * Unknown means 8: code written for Java 8 compiles on every later release.
 */
public final class LanguageLevel {

    public static final int UNKNOWN = 8;

    private static final List<Pattern> MAVEN = List.of(
            Pattern.compile("<maven\\.compiler\\.release>\\s*([0-9.]+)\\s*<"),
            Pattern.compile("<maven\\.compiler\\.source>\\s*([0-9.]+)\\s*<"),
            Pattern.compile("<release>\\s*([0-9.]+)\\s*<"),
            Pattern.compile("<source>\\s*([0-9.]+)\\s*<"),
            Pattern.compile("<java\\.version>\\s*([0-9.]+)\\s*<"));
    private static final List<Pattern> GRADLE = List.of(
            Pattern.compile("sourceCompatibility\\s*=?\\s*['\"]?(?:JavaVersion\\.VERSION_)?([0-9._]+)"),
            Pattern.compile("JavaLanguageVersion\\.of\\(\\s*([0-9]+)\\s*\\)"));

    private LanguageLevel() {
    }

    /** The level of the build file nearest above {@code file} among {@code buildFiles}. */
    public static int of(Path file, List<Path> buildFiles) {
        Path best = null;
        for (Path b : buildFiles) {
            Path dir = b.toAbsolutePath().getParent();
            if (dir != null && file.toAbsolutePath().startsWith(dir)
                    && (best == null || dir.getNameCount() > best.getParent().getNameCount())) {
                best = b.toAbsolutePath();
            }
        }
        return best == null ? UNKNOWN : read(best);
    }

    static int read(Path buildFile) {
        String text;
        try {
            text = Files.readString(buildFile);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
        List<Pattern> patterns = buildFile.getFileName().toString().startsWith("pom") ? MAVEN : GRADLE;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return parse(m.group(1));
            }
        }
        return UNKNOWN;
    }

    static int parse(String version) {
        String v = version.replace('_', '.');
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }
}
