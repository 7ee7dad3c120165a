package corpus.taint.sqli.jdbi;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AuditController {

    private final AuditDao dao;

    public AuditController(AuditDao dao) {
        this.dao = dao;
    }

    @GetMapping("/audit")
    public List<String> audit(@RequestParam String user) {
        return dao.byUser(user);
    }

    @GetMapping("/audit/bound")
    public List<String> auditBound(@RequestParam String user) {
        return dao.byUserBound(user);
    }

    @GetMapping("/audit/purge")
    public int purge(@RequestParam String table) {
        return dao.purge(table);
    }
}
