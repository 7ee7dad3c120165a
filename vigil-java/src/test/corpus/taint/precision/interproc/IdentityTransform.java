package corpus.taint.precision.interproc;

public class IdentityTransform implements TextTransform {
    @Override
    public String apply(String text) {
        return text == null ? "" : text;
    }
}
