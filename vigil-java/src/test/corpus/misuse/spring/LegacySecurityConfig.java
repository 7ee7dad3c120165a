package corpus.misuse.spring;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

/** Spring Security 5 style configuration kept by the back-office module. */
@EnableWebSecurity
public class LegacySecurityConfig extends WebSecurityConfigurerAdapter {

    private final boolean demoMode;

    public LegacySecurityConfig(boolean demoMode) {
        this.demoMode = demoMode;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.csrf().disable() // vigil: expect java/csrf-disabled
                .authorizeRequests().antMatchers("/login").permitAll()
                .anyRequest().authenticated()
                .and().formLogin();
    }

    /** Second configurer used by the reporting servlet; keeps the default protection. */
    public void configureReports(HttpSecurity http) throws Exception {
        http.csrf().ignoringAntMatchers("/reports/export") // vigil: safe java/csrf-disabled
                .and().authorizeRequests().anyRequest().authenticated();
    }

    /** Disabled only in demo mode, but nothing stops demo mode in production. */
    public void configureDemo(HttpSecurity http) throws Exception {
        if (demoMode) {
            http.csrf().disable(); // vigil: expect java/csrf-disabled
        }
        http.authorizeRequests().anyRequest().authenticated();
    }

    public void configureLogout(HttpSecurity http) throws Exception {
        http.logout().disable(); // vigil: safe java/csrf-disabled
    }
}
