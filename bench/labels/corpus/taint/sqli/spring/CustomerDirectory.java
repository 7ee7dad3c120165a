package corpus.taint.sqli.spring;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/** JPA queries: JPQL and native, concatenated and parameterized. */
@RestController
public class CustomerDirectory {

    private final EntityManager em;

    public CustomerDirectory(EntityManager em) {
        this.em = em;
    }

    public static class Filter {
        private String name;
        private String country;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }
    }

    @GetMapping("/customers")
    public List<?> find(@ModelAttribute Filter filter) {
        Query q = em.createQuery("SELECT c FROM Customer c WHERE c.name = '" + filter.getName() + "'");
        return q.getResultList();
    }

    @GetMapping("/customers/bound")
    public List<?> findBound(@ModelAttribute Filter filter) {
        Query q = em.createQuery("SELECT c FROM Customer c WHERE c.name = :name");
        q.setParameter("name", filter.getName());
        return q.getResultList();
    }

    @GetMapping("/customers/native")
    public List<?> findNative(@CookieValue("country") String country) {
        return em.createNativeQuery("SELECT * FROM customer WHERE country = '" + country + "'").getResultList();
    }

    @GetMapping("/customers/native-bound")
    public List<?> findNativeBound(@CookieValue("country") String country) {
        return em.createNativeQuery("SELECT * FROM customer WHERE country = ?1").setParameter(1, country).getResultList();
    }
}
