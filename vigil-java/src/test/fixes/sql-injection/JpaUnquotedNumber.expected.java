package fixes.sqli;

import java.util.List;
import javax.persistence.EntityManager;
import javax.servlet.http.HttpServletRequest;

public class JpaUnquotedNumber {

    private EntityManager em;

    List<?> byNumber(HttpServletRequest request) {
        // The query reads the value as a number literal; binding the String would fail Hibernate's type check.
        String number = request.getParameter("number");
        // Only a number reaches the query, which reads number as a number literal.
        if (number != null && !number.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("not a number");
        }
        return em.createQuery("SELECT i FROM Invoice i WHERE i.number = " + number).getResultList();
    }
}
