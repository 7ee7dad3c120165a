package corpus.taint.ldap.directory;

import static org.springframework.ldap.query.LdapQueryBuilder.query;

import java.util.List;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spring LDAP: raw filter strings against the query builder and the filter encoder. */
@RestController
public class PeopleController {

    private final LdapTemplate ldapTemplate;
    private final AttributesMapper<String> cnMapper = attrs -> (String) attrs.get("cn").get();

    public PeopleController(LdapTemplate ldapTemplate) {
        this.ldapTemplate = ldapTemplate;
    }

    @GetMapping("/people")
    public List<String> find(@RequestParam String surname) {
        return ldapTemplate.search("ou=people", "(sn=" + surname + ")", cnMapper); // vigil: expect java/ldap-injection
    }

    @GetMapping("/people/encoded")
    public List<String> findEncoded(@RequestParam String surname) {
        return ldapTemplate.search("ou=people", "(sn=" + LdapEncoder.filterEncode(surname) + ")", cnMapper); // vigil: safe java/ldap-injection
    }

    @GetMapping("/people/query")
    public List<String> findQuery(@RequestParam String surname) {
        return ldapTemplate.search(query().where("sn").is(surname), cnMapper); // vigil: safe java/ldap-injection
    }

    @GetMapping("/people/prefix")
    public List<String> findPrefix(@RequestParam String surname) {
        String filter = new StringBuilder("(sn=").append(surname).append("*)").toString();
        return ldapTemplate.search("ou=people", filter, cnMapper); // vigil: expect java/ldap-injection
    }

    @GetMapping("/people/all")
    public List<String> findAll(@RequestParam String surname) {
        String filter = new StringBuilder("(sn=").append("*)").toString();
        return ldapTemplate.search("ou=people", filter, cnMapper); // vigil: safe java/ldap-injection
    }
}
