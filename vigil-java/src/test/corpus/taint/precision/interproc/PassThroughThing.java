package corpus.taint.precision.interproc;

public class PassThroughThing implements ThingInterface {
    @Override
    public String doSomething(String input) {
        return input == null ? "" : input;
    }
}
