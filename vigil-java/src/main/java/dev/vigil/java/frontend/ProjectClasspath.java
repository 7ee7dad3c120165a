package dev.vigil.java.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's dependency jars that can be found without building: dependencies declared in
 * pom.xml or build.gradle(.kts) whose jar is already in the local Maven repository. Attribution with
 * them resolves library types exactly; whatever is missing degrades to import-based names.
 */
public final class ProjectClasspath {

    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern GRADLE = Pattern.compile(
            "['\"]([\\w.\\-]+):([\\w.\\-]+):([\\w.\\-]+)['\"]");

    /** What was found: the jars, and how many declared dependencies had none. */
    public record Resolution(List<Path> jars, int declared, int missing) {
    }

    private ProjectClasspath() {
    }

    public static Resolution resolve(List<Path> buildFiles, Path localRepository) {
        Set<Path> jars = new LinkedHashSet<>();
        int declared = 0;
        int missing = 0;
        for (Path build : buildFiles) {
            String text;
            try {
                text = Files.readString(build);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            List<String[]> coordinates = build.getFileName().toString().equals("pom.xml") ? fromPom(text)
                    : fromGradle(text);
            for (String[] c : coordinates) {
                declared++;
                Path jar = localRepository.resolve(c[0].replace('.', '/')).resolve(c[1]).resolve(c[2])
                        .resolve(c[1] + "-" + c[2] + ".jar");
                if (Files.isRegularFile(jar)) {
                    jars.add(jar);
                } else {
                    missing++;
                }
            }
        }
        return new Resolution(List.copyOf(jars), declared, missing);
    }

    /** The default local repository: $MAVEN_REPO_LOCAL or ~/.m2/repository. */
    public static Path defaultRepository() {
        String env = System.getenv("VIGIL_MAVEN_REPOSITORY");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    static List<String[]> fromPom(String pom) {
        Map<String, String> properties = new HashMap<>();
        Matcher props = Pattern.compile("<properties>(.*?)</properties>", Pattern.DOTALL).matcher(pom);
        if (props.find()) {
            Matcher p = Pattern.compile("<([\\w.\\-]+)>([^<]*)</\\1>").matcher(props.group(1));
            while (p.find()) {
                properties.put(p.group(1), p.group(2).strip());
            }
        }
        String projectVersion = tag(pom.replaceAll("(?s)<parent>.*?</parent>", "")
                .replaceAll("(?s)<dependencies>.*", ""), "version");
        if (projectVersion != null) {
            properties.put("project.version", projectVersion);
        }
        List<String[]> out = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(pom);
        while (m.find()) {
            String body = m.group(1);
            String g = expand(tag(body, "groupId"), properties);
            String a = expand(tag(body, "artifactId"), properties);
            String v = expand(tag(body, "version"), properties);
            String scope = tag(body, "scope");
            if (g == null || a == null || v == null || "import".equals(scope) || v.contains("${")) {
                continue;
            }
            out.add(new String[] {g, a, v});
        }
        return out;
    }

    static List<String[]> fromGradle(String gradle) {
        List<String[]> out = new ArrayList<>();
        Matcher m = GRADLE.matcher(gradle);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return out;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static String expand(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        Matcher m = PROPERTY.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = properties.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement == null ? m.group(0) : replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
