package corpus.taint.exprinj.rules;

import jakarta.el.ELContext;
import jakarta.el.ExpressionFactory;
import jakarta.el.ValueExpression;
import ognl.Ognl;
import ognl.OgnlException;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pricing rules as expressions: user text parsed as SpEL/OGNL/EL versus user data as the root object. */
@RestController
public class PricingRuleController {

    private final ExpressionParser parser = new SpelExpressionParser();
    private final ExpressionFactory elFactory;
    private final ELContext elContext;

    public PricingRuleController(ExpressionFactory elFactory, ELContext elContext) {
        this.elFactory = elFactory;
        this.elContext = elContext;
    }

    public record Cart(String coupon, double total) {
    }

    @GetMapping("/price")
    public Object price(@RequestParam String rule) {
        Expression e = parser.parseExpression(rule);
        return e.getValue(new StandardEvaluationContext(new Cart("", 10))); // vigil: expect java/expression-injection
    }

    @GetMapping("/price/coupon")
    public Object priceCoupon(@RequestParam String coupon) {
        Expression e = parser.parseExpression("total * 0.9"); // vigil: safe java/expression-injection
        return e.getValue(new StandardEvaluationContext(new Cart(coupon, 10)));
    }

    @GetMapping("/price/field")
    public Object priceField(@RequestParam String field) {
        return parser.parseExpression("#root." + field).getValue(new Cart("", 10)); // vigil: expect java/expression-injection
    }

    @GetMapping("/price/field-checked")
    public Object priceFieldChecked(@RequestParam String field) {
        String chosen = switch (field) {
            case "total" -> "total";
            case "coupon" -> "coupon";
            default -> "total";
        };
        return parser.parseExpression("#root." + chosen).getValue(new Cart("", 10)); // vigil: safe java/expression-injection
    }

    @GetMapping("/price/ognl")
    public Object ognl(@RequestParam String path) throws OgnlException {
        return Ognl.getValue(path, new Cart("", 10)); // vigil: expect java/expression-injection
    }

    @GetMapping("/price/ognl-fixed")
    public Object ognlFixed(@RequestParam String path) throws OgnlException {
        return Ognl.getValue("total", new Cart(path, 10)); // vigil: safe java/expression-injection
    }

    @GetMapping("/price/el")
    public Object el(@RequestParam String expr) {
        ValueExpression ve = elFactory.createValueExpression(elContext, "${" + expr + "}", Object.class); // vigil: expect java/expression-injection
        return ve.getValue(elContext);
    }

    @GetMapping("/price/el-fixed")
    public Object elFixed(@RequestParam String expr) {
        ValueExpression ve = elFactory.createValueExpression(elContext, "${cart.total}", Object.class); // vigil: safe java/expression-injection
        return expr.isEmpty() ? null : ve.getValue(elContext);
    }
}
