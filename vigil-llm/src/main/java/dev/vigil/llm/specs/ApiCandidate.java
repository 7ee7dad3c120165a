package dev.vigil.llm.specs;

import java.util.List;

/**
 * A library method the project calls and no model row covers.
 *
 * @param type fully qualified declaring type
 * @param arity number of parameters, or -1 when unknown
 * @param calls how many call sites the project has
 * @param examples a few call sites ("path/File.java:12: code"), shown to the model as data
 */
public record ApiCandidate(String type, String method, int arity, int calls, List<String> examples) {

    public ApiCandidate {
        examples = List.copyOf(examples);
    }

    public String signature() {
        return type + "." + method + (arity >= 0 ? "/" + arity : "");
    }
}
