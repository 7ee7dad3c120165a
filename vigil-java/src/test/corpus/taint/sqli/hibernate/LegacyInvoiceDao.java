package corpus.taint.sqli.hibernate;

import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** A DAO from the Hibernate 5 era, still called by InvoiceServlet. */
public class LegacyInvoiceDao {

    private final SessionFactory sessionFactory;
    private final JdbcTemplate jdbc;

    public LegacyInvoiceDao(SessionFactory sessionFactory, JdbcTemplate jdbc) {
        this.sessionFactory = sessionFactory;
        this.jdbc = jdbc;
    }

    @SuppressWarnings({"deprecation", "rawtypes"})
    public List byCustomer(String customer) {
        Session s = sessionFactory.getCurrentSession();
        return s.createSQLQuery("SELECT * FROM invoice WHERE customer = '" + customer + "'").list(); // vigil: expect java/sql-injection
    }

    @SuppressWarnings({"deprecation", "rawtypes"})
    public List byCustomerBound(String customer) {
        Session s = sessionFactory.getCurrentSession();
        return s.createSQLQuery("SELECT * FROM invoice WHERE customer = :c").setParameter("c", customer).list(); // vigil: safe java/sql-injection
    }

    @SuppressWarnings("rawtypes")
    public List byNumberHql(String number) {
        return sessionFactory.getCurrentSession().createQuery("FROM Invoice i WHERE i.number = " + number).list(); // vigil: expect java/sql-injection
    }

    @SuppressWarnings("rawtypes")
    public List byNumberHqlParsed(String number) {
        return sessionFactory.getCurrentSession().createQuery("FROM Invoice i WHERE i.number = " + Integer.valueOf(number)).list(); // vigil: safe java/sql-injection
    }

    public void purge(String table) {
        jdbc.execute("TRUNCATE TABLE " + table); // vigil: expect java/sql-injection
    }

    public void purgeKnown(String table) {
        String t = switch (table) {
            case "draft" -> "invoice_draft";
            case "archive" -> "invoice_archive";
            default -> throw new IllegalArgumentException("unknown table");
        };
        jdbc.execute("TRUNCATE TABLE " + t); // vigil: safe java/sql-injection
    }

    public void markPaid(List<String> numbers) {
        String[] statements = numbers.stream().map(n -> "UPDATE invoice SET paid = 1 WHERE number = '" + n + "'").toArray(String[]::new);
        jdbc.batchUpdate(statements); // vigil: expect java/sql-injection
    }

    public void markPaidBound(List<String> numbers) {
        List<Object[]> args = numbers.stream().map(n -> new Object[] {n}).toList();
        jdbc.batchUpdate("UPDATE invoice SET paid = 1 WHERE number = ?", args); // vigil: safe java/sql-injection
    }
}
