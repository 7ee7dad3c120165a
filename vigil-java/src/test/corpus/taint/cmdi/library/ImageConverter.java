package corpus.taint.cmdi.library;

import java.io.IOException;
import java.util.List;

/** Wraps ImageMagick; ConvertController exposes it. */
public class ImageConverter {

    private static final List<String> FORMATS = List.of("png", "jpg", "webp");

    public Process convert(String input, String format) throws IOException {
        return new ProcessBuilder("convert", input, "out." + format).start(); // vigil: expect java/command-injection
    }

    public Process convertChecked(String input, String format) throws IOException {
        if (!FORMATS.contains(format) || !input.matches("[a-z0-9]+\\.(png|jpg)")) {
            throw new IllegalArgumentException("unsupported");
        }
        return new ProcessBuilder("convert", input, "out." + format).start(); // vigil: safe java/command-injection
    }

    public Process resize(String input, int width) throws IOException {
        return Runtime.getRuntime().exec(new String[] {"sh", "-c", "convert " + input + " -resize " + width + " out.png"}); // vigil: expect java/command-injection
    }

    public Process resizeStored(String input, int width) throws IOException {
        return Runtime.getRuntime().exec(new String[] {"convert", "stored.png", "-resize", Integer.toString(width), "out.png"}); // vigil: safe java/command-injection
    }
}
