package corpus.taint.cmdi.library;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ConvertController {

    private final ImageConverter converter = new ImageConverter();

    @PostMapping("/convert")
    public long convert(@RequestParam String input, @RequestParam String format, @RequestParam int width) throws IOException {
        long a = converter.convert(input, format).pid();
        long b = converter.convertChecked(input, format).pid();
        long c = converter.resize(input, width).pid();
        long d = converter.resizeStored(input, width).pid();
        return a + b + c + d;
    }
}
