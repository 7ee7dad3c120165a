package fixtures;

import java.util.List;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SpringPeople {

    private LdapTemplate ldapTemplate;
    private AttributesMapper<String> mapper;

    @GetMapping("/people")
    public List<String> find(@RequestParam String surname, @RequestParam String manager) {
        return ldapTemplate.search("ou=people", "(&(sn=" + LdapEncoder.filterEncode(surname) + ")(manager=cn=" + LdapEncoder.filterEncode(LdapEncoder.nameEncode(manager)) + ",ou=people))", mapper);
    }
}
