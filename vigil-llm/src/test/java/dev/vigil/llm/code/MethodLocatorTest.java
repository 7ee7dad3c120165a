package dev.vigil.llm.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodLocatorTest {

    private static final List<String> FILE = """
            package shop;

            public class OrderController {
                private static final String BRACE = "}{";

                @GetMapping("/orders/{id}")
                public String show(@PathVariable String id,
                                   HttpServletRequest req) throws SQLException {
                    String q = req.getParameter("q"); // } not a brace
                    /* { neither */
                    Runnable r = () -> {
                        log(q);
                    };
                    if (q != null) {
                        return dao.find("select * from t where q = '" + q + "'");
                    }
                    return "none";
                }

                OrderController() {
                    init();
                }
            }
            """.lines().toList();

    @Test
    void findsTheMethodWithItsAnnotationsAcrossNestedBlocksLiteralsAndLambdas() {
        assertEquals(new MethodLocator.Range(6, 18), MethodLocator.enclosing(FILE, 15));
        assertEquals(new MethodLocator.Range(6, 18), MethodLocator.enclosing(FILE, 12));
        assertEquals(new MethodLocator.Range(6, 18), MethodLocator.enclosing(FILE, 9));
    }

    @Test
    void findsConstructorsAndFallsBackToAWindowOutsideMethods() {
        assertEquals(new MethodLocator.Range(20, 22), MethodLocator.enclosing(FILE, 21));
        MethodLocator.Range field = MethodLocator.enclosing(FILE, 4);
        assertEquals(1, field.start());
        assertEquals(16, field.end());
    }
}
