package fixes.sqli;

import java.util.List;
import javax.persistence.EntityManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class JpaQuery {

    private EntityManager em;

    @GetMapping("/customers")
    public List<?> byCountry(@RequestParam String country) {
        return em.createNativeQuery("SELECT * FROM customer WHERE country = ?1").setParameter(1, country).getResultList();
    }
}
