package corpus.taint.codeinj.rules;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/** Runs a rule script with the amount bound as a variable. */
class ScriptRunner {

    private final ScriptEngine engine = new ScriptEngineManager().getEngineByExtension("js");

    Object run(String script, double amount) {
        try {
            SimpleBindings b = new SimpleBindings();
            b.put("amount", amount);
            return engine.eval(script, b); // vigil: expect java/code-injection
        } catch (ScriptException e) {
            return null;
        }
    }

    Object runTrusted(String script, double amount) {
        try {
            SimpleBindings b = new SimpleBindings();
            b.put("amount", amount);
            return engine.eval(script, b); // vigil: safe java/code-injection
        } catch (ScriptException e) {
            return null;
        }
    }
}
