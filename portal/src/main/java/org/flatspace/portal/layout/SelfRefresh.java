package org.flatspace.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * Refreshes a view once a second while something it shows is on its way (a plan running, a plan
 * being made), and not otherwise: a refresh rebuilds fields the user may be typing in.
 */
public final class SelfRefresh {

    private static final int EVERY_MILLIS = 1000;

    private final Component view;
    private boolean on;
    private Registration polling;

    public SelfRefresh(Component view, Runnable refresh) {
        this.view = view;
        view.addAttachListener(event -> {
            event.getUI().setPollInterval(on ? EVERY_MILLIS : -1);
            polling = event.getUI().addPollListener(poll -> refresh.run());
        });
        view.addDetachListener(event -> {
            if (polling != null) {
                polling.remove();
            }
            event.getUI().setPollInterval(-1);
        });
    }

    /** Whether the view refreshes itself from now on. */
    public void set(boolean refreshing) {
        on = refreshing;
        view.getUI().ifPresent(ui -> ui.setPollInterval(refreshing ? EVERY_MILLIS : -1));
    }
}
