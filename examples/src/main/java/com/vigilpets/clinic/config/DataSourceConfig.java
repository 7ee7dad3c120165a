package com.vigilpets.clinic.config;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The clinic database (configured in application.properties) and the read-only
 * replica of the old billing system that the invoice reports still query.
 */
@Configuration
public class DataSourceConfig {

    @Bean
    @Primary
    public DataSource clinicDataSource(DataSourceProperties properties) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource();
        dataSource.setUrl(properties.getUrl());
        dataSource.setUsername(properties.getUsername());
        dataSource.setPassword(properties.getPassword()); // vigil: safe java/hardcoded-credentials
        return dataSource;
    }

    @Bean
    public DataSource billingDataSource() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource();
        dataSource.setUrl("jdbc:postgresql://billing-replica.internal:5432/billing");
        dataSource.setUsername("report_reader");
        dataSource.setPassword("B1llingR3ader!"); // vigil: expect java/hardcoded-credentials
        return dataSource;
    }

    @Bean
    @Primary
    public JdbcTemplate clinicJdbcTemplate(DataSource clinicDataSource) {
        return new JdbcTemplate(clinicDataSource);
    }

    @Bean
    public JdbcTemplate billingJdbcTemplate(@Qualifier("billingDataSource") DataSource billingDataSource) {
        return new JdbcTemplate(billingDataSource);
    }
}
