package corpus.taint.codeinj.rules;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Discount rules submitted by admins (and, through the bug, by anyone). */
@RestController
public class RuleController {

    private final RuleService service;

    public RuleController(RuleService service) {
        this.service = service;
    }

    @PostMapping("/rules/test")
    public Object test(@RequestBody RuleForm form) {
        return service.evaluate(form);
    }

    @PostMapping("/rules/named")
    public Object named(@RequestParam String name, @RequestParam String amount) {
        return service.evaluateNamed(name, amount);
    }
}
