package corpus.taint.sqli.spring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

@Service
public class OrderService {

    private static final Set<String> SORTABLE = Set.of("created", "total", "status");

    private final OrderRepository repository;

    public OrderService(OrderRepository repository) {
        this.repository = repository;
    }

    public List<Map<String, Object>> byStatus(String status) {
        return repository.findWhere("status = '" + status + "'");
    }

    public List<Map<String, Object>> byStatusBound(String status) {
        return repository.findByStatus(status);
    }

    public List<Map<String, Object>> forCustomer(String customer, String sort) {
        if (!SORTABLE.contains(sort)) {
            sort = "created";
        }
        return repository.findForCustomer(customer, sort);
    }

    public int archive(ArchiveRequest request) {
        repository.archiveLimited(request.limit());
        return repository.archiveBefore(request.before());
    }

    public long countInRegion(String region) {
        return repository.countRegion(region.toUpperCase());
    }
}
