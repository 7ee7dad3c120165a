package corpus.taint.sqli.mybatis;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProductController {

    private final ProductMapper products;

    public ProductController(ProductMapper products) {
        this.products = products;
    }

    @GetMapping("/products")
    public List<String> list(@RequestParam String category, @RequestParam String sort) {
        return products.byCategory(category, sort); // vigil: expect java/sql-injection
    }

    @GetMapping("/products/sorted")
    public List<String> listSorted(@RequestParam String category, @RequestParam String sort) {
        String column = "price".equals(sort) ? "price" : "name";
        return products.byCategory(category, column); // vigil: safe java/sql-injection
    }

    @GetMapping("/products/search")
    public List<String> search(@RequestParam String q) {
        return products.search(q); // vigil: safe java/sql-injection
    }

    @PostMapping("/products/purge")
    public int purge(@RequestParam String table, @RequestParam long id) {
        return products.deleteFrom(table, id); // vigil: expect java/sql-injection
    }
}
