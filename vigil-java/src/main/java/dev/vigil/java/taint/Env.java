package dev.vigil.java.taint;

import java.util.HashMap;
import java.util.Map;

/**
 * The abstract state at one program point: the value of every local variable (keyed by its javac
 * element) and of {@code this} (key {@link #THIS}). A dead env is unreachable code: after a return,
 * a throw, or a branch whose condition is constantly false.
 */
final class Env {

    static final Object THIS = "this";

    private Map<Object, Value> vars;
    private boolean dead;

    Env() {
        this.vars = new HashMap<>();
    }

    private Env(Map<Object, Value> vars, boolean dead) {
        this.vars = vars;
        this.dead = dead;
    }

    static Env deadEnv() {
        return new Env(new HashMap<>(), true);
    }

    Env copy() {
        return new Env(new HashMap<>(vars), dead);
    }

    boolean isDead() {
        return dead;
    }

    void kill() {
        dead = true;
    }

    Value get(Object key) {
        return vars.get(key);
    }

    void put(Object key, Value v) {
        vars.put(key, v);
    }

    void remove(Object key) {
        vars.remove(key);
    }

    boolean anyTainted() {
        for (Value v : vars.values()) {
            if (v.isTainted() || !v.fields().isEmpty() && !v.deepTaint().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    boolean has(Object key) {
        return vars.containsKey(key);
    }

    /** Makes this env the join of itself and {@code other} (unreachable sides contribute nothing). */
    void joinWith(Env other) {
        if (other == null || other.dead) {
            return;
        }
        if (dead) {
            vars = new HashMap<>(other.vars);
            dead = false;
            return;
        }
        Map<Object, Value> out = new HashMap<>(vars);
        for (Map.Entry<Object, Value> e : other.vars.entrySet()) {
            Value mine = vars.get(e.getKey());
            out.put(e.getKey(), mine == null ? e.getValue() : Value.join(mine, e.getValue()));
        }
        vars = out;
    }

    /** Replaces this env's content with {@code other}'s. */
    void setTo(Env other) {
        vars = new HashMap<>(other.vars);
        dead = other.dead;
    }

    boolean sameAs(Env other) {
        return dead == other.dead && vars.equals(other.vars);
    }
}
