package dev.vigil.java.taint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RegexesTest {

    @Test
    void boundedClassesAreSafeForEverything() {
        assertEquals(Set.of("all"), Regexes.safeFor("[a-z0-9_-]+"));
        assertEquals(Set.of("all"), Regexes.safeFor("^\\d{1,6}$"));
        Set<String> image = Regexes.safeFor("[a-z0-9]+\\.(png|jpg)");
        assertFalse(image.contains("java/path-traversal"));
        assertTrue(image.contains("java/command-injection"));
    }

    @Test
    void dotsAndSlashesStillAllowTraversalAndSpacesStillSplitArguments() {
        Set<String> dotted = Regexes.safeFor("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");
        assertFalse(dotted.contains("java/path-traversal"));
        assertTrue(dotted.contains("java/ldap-injection"));
        Set<String> spaced = Regexes.safeFor("[A-Za-z0-9 ]{1,32}");
        assertFalse(spaced.contains("java/command-injection"));
        assertTrue(spaced.contains("java/regex-injection"));
        assertTrue(spaced.contains("java/path-traversal"));
    }

    @Test
    void permissivePatternsProveNothing() {
        assertEquals(Set.of(), Regexes.safeFor(".*"));
        assertEquals(Set.of(), Regexes.safeFor("[^<]+"));
        assertEquals(Set.of(), Regexes.safeFor("\\S+"));
        assertEquals(Set.of(), Regexes.safeFor("[a-z';]+"));
    }
}
