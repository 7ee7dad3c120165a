package corpus.taint.codeinj.rules;

import java.util.Map;
import org.springframework.stereotype.Service;

@Service
public class RuleService {

    private static final Map<String, String> BUILT_IN = Map.of(
            "tenPercent", "amount * 0.9",
            "flat", "amount - 5");

    private final ScriptRunner runner = new ScriptRunner();

    public Object evaluate(RuleForm form) {
        return runner.run(form.script(), form.amount());
    }

    public Object evaluateNamed(String name, String amount) {
        String script = BUILT_IN.getOrDefault(name, "amount");
        return runner.runTrusted(script, Double.parseDouble(amount));
    }
}
