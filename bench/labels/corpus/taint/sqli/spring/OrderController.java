package corpus.taint.sqli.spring;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Entry points; the queries live two calls away in OrderRepository. */
@RestController
public class OrderController {

    private final OrderService service;

    public OrderController(OrderService service) {
        this.service = service;
    }

    @GetMapping("/orders")
    public List<Map<String, Object>> search(@RequestParam("status") String status) {
        return service.byStatus(status);
    }

    @GetMapping("/orders/safe")
    public List<Map<String, Object>> searchBound(@RequestParam("status") String status) {
        return service.byStatusBound(status);
    }

    @GetMapping("/orders/{customer}")
    public List<Map<String, Object>> forCustomer(@PathVariable String customer, @RequestHeader("X-Sort") String sort) {
        return service.forCustomer(customer, sort);
    }

    @PostMapping("/orders/archive")
    public int archive(@RequestBody ArchiveRequest body) {
        return service.archive(body);
    }

    @GetMapping("/orders/count")
    public long count(@RequestParam String region) {
        return service.countInRegion(region);
    }
}
