package org.flatspace.portal.cockpit;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the sign-in filters between Spring Security (which has decided who may come in) and Camunda's
 * own filters (which read the sign-in from the session): Spring Security's filter has order
 * {@link SecurityProperties#DEFAULT_FILTER_ORDER}; Camunda's web app registers its filters after all
 * ordered ones.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSignInConfig {

    static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<CockpitSignInFilter> cockpitSignInFilter() {
        FilterRegistrationBean<CockpitSignInFilter> registration = new FilterRegistrationBean<>(new CockpitSignInFilter());
        registration.setName("Flatspace sign-in for Camunda's web apps");
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRestSignInFilter> engineRestSignInFilter() {
        FilterRegistrationBean<EngineRestSignInFilter> registration = new FilterRegistrationBean<>(
                new EngineRestSignInFilter());
        registration.setName("Flatspace sign-in for the engine REST API");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
