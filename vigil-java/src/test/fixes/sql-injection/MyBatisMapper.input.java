package fixes.sqli;

import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class MyBatisMapper {

    public interface ProductMapper {
        @Select("SELECT name FROM products WHERE category = #{category} ORDER BY ${sort}")
        List<String> byCategory(@Param("category") String category, @Param("sort") String sort);

        @Select("SELECT name FROM products WHERE name LIKE '%${q}%'")
        List<String> search(@Param("q") String q);
    }

    private final ProductMapper products;

    public MyBatisMapper(ProductMapper products) {
        this.products = products;
    }

    @GetMapping("/products")
    public List<String> list(@RequestParam String category, @RequestParam String sort) {
        return products.byCategory(category, sort);
    }

    @GetMapping("/search")
    public List<String> search(@RequestParam String q) {
        return products.search(q);
    }
}
