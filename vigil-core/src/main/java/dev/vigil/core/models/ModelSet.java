package dev.vigil.core.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** All loaded model rows, indexed by method name for fast lookup during analysis. */
public final class ModelSet {

    private final List<ModelRow> rows;
    private final Map<String, List<ModelRow>> byMethod = new HashMap<>();
    private final List<ModelRow.ParameterSource> parameterSources = new ArrayList<>();
    private final Map<String, List<String>> supertypes = new HashMap<>();

    public ModelSet(Collection<? extends ModelRow> rows) {
        this.rows = List.copyOf(rows);
        for (ModelRow r : this.rows) {
            switch (r) {
                case ModelRow.Source s -> index(s.method(), r);
                case ModelRow.Sink s -> index(s.method(), r);
                case ModelRow.Sanitizer s -> index(s.method(), r);
                case ModelRow.Summary s -> index(s.method(), r);
                case ModelRow.ParameterSource p -> parameterSources.add(p);
                case ModelRow.TypeFact t -> {
                    if (!t.supertypes().isEmpty()) {
                        supertypes.computeIfAbsent(t.type(), k -> new ArrayList<>()).addAll(t.supertypes());
                    }
                    if (t.method() != null && !t.method().isEmpty()) {
                        index(t.method(), r);
                    }
                }
            }
        }
    }

    private void index(String method, ModelRow r) {
        byMethod.computeIfAbsent(method, k -> new ArrayList<>()).add(r);
    }

    public List<ModelRow> rows() {
        return rows;
    }

    /** Rows about methods with this name, any type. */
    public List<ModelRow> forMethod(String name) {
        return byMethod.getOrDefault(name, List.of());
    }

    public List<ModelRow.ParameterSource> parameterSources() {
        return parameterSources;
    }

    /** Supertypes declared for a library type whose jar may be missing. */
    public List<String> declaredSupertypes(String type) {
        return supertypes.getOrDefault(type, List.of());
    }

    public ModelSet plus(ModelSet other) {
        List<ModelRow> all = new ArrayList<>(rows);
        all.addAll(other.rows);
        return new ModelSet(all);
    }
}
