package dev.vigil.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CweEquivalenceTest {

    @Test
    void noneMatchesOnlyEqualCwes() {
        CweEquivalence none = CweEquivalence.none();
        assertTrue(none.matches(89, 89));
        assertFalse(none.matches(327, 328));
        assertEquals(List.of(), none.describe());
    }

    @Test
    void groupsMergeTransitively() {
        CweEquivalence eq = CweEquivalence.parse(List.of("328=916", "CWE-327=328", "22=23=36"));
        assertTrue(eq.matches(327, 916));
        assertTrue(eq.matches(916, 327));
        assertTrue(eq.matches(23, 36));
        assertFalse(eq.matches(22, 327));
        assertFalse(eq.matches(89, 564));
        assertTrue(eq.matchesAny(327, Set.of(79, 328)));
        assertEquals(List.of("22=23=36", "327=328=916"), eq.describe());
    }

    @Test
    void badSpecsNameTheSpec() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CweEquivalence.parse(List.of("327")));
        assertEquals("CWE equivalence '327' must look like 327=328", e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> CweEquivalence.parse(List.of("327=md5")));
        assertEquals("CWE equivalence '327=md5': 'md5' is not a CWE number", e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CweEquivalence.parse(List.of("327=")));
    }
}
