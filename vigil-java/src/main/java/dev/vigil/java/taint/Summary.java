package dev.vigil.java.taint;

import dev.vigil.core.finding.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a method does with taint, computed once per calling context and applied at each call: what
 * it returns (in terms of its parameters, as {@link Origin.Param} flows), which parameters reach
 * which sinks, and which fields of {@code this} and of its parameters it writes.
 */
final class Summary {

    /** A parameter flow that reached a sink inside the method (or its callees). */
    record SinkHit(Origin.Param param, String rule, Location sink, String sinkLabel, String member, Step path,
                   Set<String> sanitized, com.sun.source.util.TreePath sinkPath) {
    }

    static final Summary EMPTY = new Summary();

    Value returnValue;
    final List<SinkHit> sinkHits = new ArrayList<>();
    final Map<String, Value> thisWrites = new HashMap<>();
    final Map<Integer, Map<String, Value>> paramWrites = new HashMap<>();
    boolean returnsSomething;

    /** Whether what the method does with taint depends on its parameters (so calling contexts can matter). */
    boolean dependsOnParameters() {
        return !sinkHits.isEmpty() || !thisWrites.isEmpty() || !paramWrites.isEmpty()
                || returnValue != null && (returnValue.taint().hasParamOrigins() || !returnValue.fields().isEmpty());
    }

    void addReturn(Value v) {
        returnValue = returnValue == null ? v : Value.join(returnValue, v);
        returnsSomething = true;
    }

    void addSinkHit(SinkHit hit) {
        for (SinkHit h : sinkHits) {
            if (h.param().equals(hit.param()) && h.rule().equals(hit.rule()) && h.sink().equals(hit.sink())
                    && h.sanitized().equals(hit.sanitized())) {
                return;
            }
        }
        if (sinkHits.size() < 64) {
            sinkHits.add(hit);
        }
    }

    void writeThis(String field, Value v) {
        thisWrites.merge(field, v, Value::join);
    }

    void writeParam(int index, String field, Value v) {
        paramWrites.computeIfAbsent(index, k -> new HashMap<>()).merge(field, v, Value::join);
    }
}
