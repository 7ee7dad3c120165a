package corpus.taint.precision.interproc;

/** Two implementations: one passes its argument through, the other ignores it. */
public interface ThingInterface {
    String doSomething(String input);
}
