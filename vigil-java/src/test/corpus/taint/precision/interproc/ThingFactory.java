package corpus.taint.precision.interproc;

/** Chooses an implementation from a constant flag, as configuration-driven factories do. */
public final class ThingFactory {

    private static final boolean SAFE_MODE = true;

    private ThingFactory() {
    }

    public static ThingInterface createThing() {
        if (SAFE_MODE) {
            return new ConstantThing();
        }
        return new PassThroughThing();
    }

    public static ThingInterface createPassThrough() {
        return new PassThroughThing();
    }

    public static ThingInterface create(String kind) {
        return "constant".equals(kind) ? new ConstantThing() : new PassThroughThing();
    }
}
