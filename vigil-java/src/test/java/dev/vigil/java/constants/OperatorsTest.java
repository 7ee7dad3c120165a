package dev.vigil.java.constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.source.tree.Tree.Kind;
import org.junit.jupiter.api.Test;

/** Operators fold exactly as Java evaluates them, including int wrap-around and shift distances. */
class OperatorsTest {

    private static final Object NULL = new Object();

    private static Object fold(Kind k, Object a, Object b) {
        return Operators.fold(k, a, b, NULL);
    }

    @Test
    void intArithmeticWrapsLikeJava() {
        assertEquals(Integer.MAX_VALUE + 1, fold(Kind.PLUS, Integer.MAX_VALUE, 1));
        assertEquals(Integer.MIN_VALUE / -1, fold(Kind.DIVIDE, Integer.MIN_VALUE, -1));
        assertEquals(7 * 42 - 86, fold(Kind.MINUS, fold(Kind.MULTIPLY, 7, 42), 86));
        assertEquals('a' + 1, fold(Kind.PLUS, 'a', 1));
        assertNull(fold(Kind.DIVIDE, 1, 0));
    }

    @Test
    void shiftsUseTheOperandWidth() {
        int minus8 = -8;
        assertEquals(minus8 >>> 1, fold(Kind.UNSIGNED_RIGHT_SHIFT, -8, 1));
        assertEquals(1 << 33, fold(Kind.LEFT_SHIFT, 1, 33));
        assertEquals(1L << 33, fold(Kind.LEFT_SHIFT, 1L, 33));
        assertEquals(-8L >>> 1, fold(Kind.UNSIGNED_RIGHT_SHIFT, -8L, 1));
    }

    @Test
    void typesPromoteAndStringsConcatenate() {
        assertEquals(3L, fold(Kind.PLUS, 1, 2L));
        assertEquals(2.5, fold(Kind.DIVIDE, 5.0, 2));
        assertEquals(true, fold(Kind.GREATER_THAN, 208, 200));
        assertEquals("a1", fold(Kind.PLUS, "a", 1));
        assertEquals("xnull", fold(Kind.PLUS, "x", NULL));
        assertEquals(true, fold(Kind.EQUAL_TO, NULL, NULL));
    }
}
