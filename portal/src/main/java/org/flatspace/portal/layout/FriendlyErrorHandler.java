package org.flatspace.portal.layout;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * An unexpected error in a view is logged with a reference and shown to the user as a short
 * message with that reference, never as a stack trace.
 */
@Component
class FriendlyErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(FriendlyErrorHandler::handle));
    }

    private static void handle(ErrorEvent error) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error in the portal (reference {})", reference, error.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notification.show(ui.getTranslation("error.unexpected", reference), 8000,
                            Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }
}
