package corpus.taint.precision.interproc;

public class RedactingTransform implements TextTransform {
    @Override
    public String apply(String text) {
        return "[redacted]";
    }
}
