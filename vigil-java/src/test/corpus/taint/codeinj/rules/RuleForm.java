package corpus.taint.codeinj.rules;

/** Request body: the script and the data it runs against. */
public record RuleForm(String script, double amount) {
}
