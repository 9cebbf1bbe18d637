package org.flatspace.portal.cockpit;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the engine {@link FlatspaceIdentityProvider} as its identity: Camunda's container-based
 * sign-in (see {@link CockpitSignInFilter}) needs the signed-in person to exist as a Camunda user.
 */
@Component
class FlatspaceIdentityPlugin extends AbstractProcessEnginePlugin {

    private final People people;

    FlatspaceIdentityPlugin(People people) {
        this.people = people;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new FlatspaceIdentityProvider(people);
            }
        });
    }
}
