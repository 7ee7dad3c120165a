package dev.vigil.java.taint;

import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.ParsedUnit;

/**
 * A lambda or method reference as a value: the code and the state it captured, run when a library
 * call (a stream operation, Optional.map, an executor) invokes it. Equal by the code it runs.
 */
final class Closure {

    final TreePath code;
    final ParsedUnit unit;
    final Env captured;
    final Value receiver;

    Closure(TreePath code, ParsedUnit unit, Env captured, Value receiver) {
        this.code = code;
        this.unit = unit;
        this.captured = captured;
        this.receiver = receiver;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Closure c && c.code.getLeaf() == code.getLeaf();
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(code.getLeaf());
    }
}
