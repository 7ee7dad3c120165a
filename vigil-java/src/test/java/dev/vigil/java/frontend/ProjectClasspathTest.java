package dev.vigil.java.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectClasspathTest {

    @TempDir
    Path dir;

    @Test
    void findsDeclaredDependenciesInTheLocalRepositoryWithPropertiesExpanded() throws Exception {
        Path repo = dir.resolve("repo");
        Path jar = repo.resolve("org/example/lib/1.2/lib-1.2.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {'P', 'K'});
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, """
                <project>
                  <properties><lib.version>1.2</lib.version></properties>
                  <dependencies>
                    <dependency><groupId>org.example</groupId><artifactId>lib</artifactId><version>${lib.version}</version></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>absent</artifactId><version>9</version></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>unversioned</artifactId></dependency>
                  </dependencies>
                </project>
                """);
        Path gradle = dir.resolve("build.gradle");
        Files.writeString(gradle, "dependencies { implementation 'org.example:lib:1.2' }\n");
        ProjectClasspath.Resolution r = ProjectClasspath.resolve(List.of(pom, gradle), repo);
        assertEquals(List.of(jar), r.jars());
        assertEquals(3, r.declared());
        assertEquals(1, r.missing());
    }

    @Test
    void unreadableBuildFileIsSkipped() {
        ProjectClasspath.Resolution r = ProjectClasspath.resolve(List.of(dir.resolve("missing/pom.xml")), dir);
        assertEquals(0, r.declared());
    }
}
