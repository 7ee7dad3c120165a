package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultPathsTest {

    @Test
    void normalizesTheUriShapesToolsWrite() {
        assertEquals("src/Foo.java", ResultPaths.normalize("src/Foo.java"));
        assertEquals("C:/work/src/Foo.java", ResultPaths.normalize("file:///C:/work/src/Foo.java"));
        assertEquals("/home/me/src/Foo.java", ResultPaths.normalize("file:/home/me/src/Foo.java"));
        assertEquals("/share/Foo.java", ResultPaths.normalize("file://server/share/Foo.java"));
        assertEquals("/home/me/Foo.java", ResultPaths.normalize("FILE:///home/me/Foo.java"));
        assertEquals("src/My Test.java", ResultPaths.normalize("src/My%20Test.java"));
        assertEquals("src/Caf\u00e9.java", ResultPaths.normalize("src/Caf%C3%A9.java"));
        assertEquals("src/a+b.java", ResultPaths.normalize("src/a+b.java"));
        assertEquals("src/100%.java", ResultPaths.normalize("src/100%.java"));
        assertEquals("src/main/Foo.java", ResultPaths.normalize("src\\main\\Foo.java"));
        assertEquals("src/main/Foo.java", ResultPaths.normalize("src%5Cmain%5CFoo.java"));
        assertEquals("src/Foo.java", ResultPaths.normalize("src/Foo.java?x=1#L3"));
        assertEquals("", ResultPaths.normalize(null));
    }

    @Test
    void baseNameDropsDirectoriesAndLastExtension() {
        assertEquals("TestCase00001", ResultPaths.baseNameWithoutExtension("a/b/TestCase00001.java"));
        assertEquals("TestCase00001", ResultPaths.baseNameWithoutExtension("TestCase00001"));
        assertEquals("page.jsp", ResultPaths.baseNameWithoutExtension("web/page.jsp.html"));
        assertEquals(".hidden", ResultPaths.baseNameWithoutExtension(".hidden"));
    }

    @Test
    void sameFileMatchesAtDirectoryBoundaries() {
        assertTrue(ResultPaths.sameFile("file:///tmp/proj/src/main/A.java", "src/main/A.java"));
        assertTrue(ResultPaths.sameFile("src/main/A.java", "./src/main/A.java"));
        assertTrue(ResultPaths.sameFile("main/A.java", "src/main/A.java"));
        assertFalse(ResultPaths.sameFile("src/main/XA.java", "A.java"));
        assertFalse(ResultPaths.sameFile("", "A.java"));
    }
}
