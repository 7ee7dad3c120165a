package corpus.misuse.spring;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.builders.WebSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

/** Spring Security 5 adapter of the reporting module (chain style, antMatchers and mvcMatchers). */
@EnableWebSecurity
public class LegacyAccessRules extends WebSecurityConfigurerAdapter {

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeRequests()
                .antMatchers("/reports/admin/**").hasRole("ADMIN")
                .anyRequest().permitAll() // vigil: expect java/spring-permit-all
                .and().formLogin();
    }

    public void configureFixed(HttpSecurity http) throws Exception {
        http.authorizeRequests()
                .antMatchers("/reports/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated() // vigil: safe java/spring-permit-all
                .and().formLogin();
    }

    public void configureAnt(HttpSecurity http) throws Exception {
        http.authorizeRequests().antMatchers("/**").permitAll(); // vigil: expect java/spring-permit-all
    }

    public void configureAntPublic(HttpSecurity http) throws Exception {
        http.authorizeRequests().antMatchers("/public/**").permitAll() // vigil: safe java/spring-permit-all
                .anyRequest().authenticated();
    }

    public void configureMvc(HttpSecurity http) throws Exception {
        http.authorizeRequests().mvcMatchers("/**").permitAll(); // vigil: expect java/spring-permit-all
    }

    public void configureMvcLogin(HttpSecurity http) throws Exception {
        http.authorizeRequests().mvcMatchers("/login").permitAll() // vigil: safe java/spring-permit-all
                .anyRequest().authenticated();
    }

    /** 5.x scoping by antMatcher: the chain only sees the export downloads. */
    public void configureExports(HttpSecurity http) throws Exception {
        http.antMatcher("/exports/**")
                .authorizeRequests().anyRequest().permitAll(); // vigil: safe java/spring-permit-all
    }

    @Override
    public void configure(WebSecurity web) {
        web.ignoring().antMatchers("/**"); // vigil: expect java/spring-permit-all
    }

    public void configureIgnoringStatic(WebSecurity web) {
        web.ignoring().antMatchers("/favicon.ico", "/webjars/**"); // vigil: safe java/spring-permit-all
    }
}
