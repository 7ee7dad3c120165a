package corpus.misuse.spring;

import java.util.List;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Controller-level CORS annotations. */
@RestController
public class StoreControllers {

    @CrossOrigin(origins = "*", allowCredentials = "true") // vigil: expect java/permissive-cors
    @GetMapping("/orders/{id}")
    public String order(@PathVariable long id) {
        return "{\"id\":" + id + "}";
    }

    @CrossOrigin(origins = "https://shop.example.com", allowCredentials = "true") // vigil: safe java/permissive-cors
    @GetMapping("/orders")
    public List<String> orders() {
        return List.of();
    }

    /** Public catalogue: any site may read it, without cookies. */
    @CrossOrigin("*") // vigil: safe java/permissive-cors
    @GetMapping("/products")
    public List<String> products() {
        return List.of("kettle", "teapot");
    }

    @CrossOrigin // vigil: safe java/permissive-cors
    @GetMapping("/stores")
    public List<String> stores() {
        return List.of("Leeds", "York");
    }

    @CrossOrigin(originPatterns = "*", allowCredentials = "true") // vigil: expect java/permissive-cors
    @GetMapping("/loyalty")
    public String loyalty() {
        return "{}";
    }

    @CrossOrigin(originPatterns = "https://*.example.com", allowCredentials = "true") // vigil: safe java/permissive-cors
    @GetMapping("/loyalty/partners")
    public String loyaltyPartners() {
        return "{}";
    }
}
