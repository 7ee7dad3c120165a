package corpus.taint.precision.interproc;

public class ConstantThing implements ThingInterface {
    @Override
    public String doSomething(String input) {
        return "constant output";
    }
}
