package corpus.taint.precision.interproc;

/** Display transforms for user-visible text; one keeps the text, the other redacts it. */
public interface TextTransform {
    String apply(String text);
}
