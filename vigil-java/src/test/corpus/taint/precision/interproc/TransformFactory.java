package corpus.taint.precision.interproc;

/** Chooses a transform from a constant switch, as configuration-driven factories do. */
public final class TransformFactory {

    private static final boolean PRIVACY_MODE = true;

    private TransformFactory() {
    }

    public static TextTransform configured() {
        if (PRIVACY_MODE) {
            return new RedactingTransform();
        }
        return new IdentityTransform();
    }

    public static TextTransform identity() {
        return new IdentityTransform();
    }

    public static TextTransform forName(String name) {
        return "redact".equals(name) ? new RedactingTransform() : new IdentityTransform();
    }
}
