package org.flatspace.provisioning.reconcile;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Reconciles once when the application is ready, if {@code flatspace.reconcile.at-startup=true}:
 * libvirt's test driver forgets its domains when the process ends, so the demo pool needs its
 * running instances defined again after a restart. Every node may run it; repairs are idempotent.
 */
@Component
@ConditionalOnProperty(name = "flatspace.reconcile.at-startup", havingValue = "true")
class ReconcileAtStartup implements ApplicationListener<ApplicationReadyEvent> {

    private final ReconciliationService reconciliation;

    ReconcileAtStartup(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        reconciliation.reconcile();
    }
}
