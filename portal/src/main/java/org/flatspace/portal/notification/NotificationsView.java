package org.flatspace.portal.notification;

import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.notify.NotificationService;
import org.flatspace.workflows.notify.NotificationView;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** The signed-in person's own notifications, newest first; opening the list marks them read. */
@Route(value = "notifications", layout = MainLayout.class)
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    public NotificationsView(NotificationService notifications, CurrentUser currentUser) {
        String username = currentUser.get().getUsername();
        Grid<NotificationView> grid = new Grid<>();
        grid.setId("notifications");
        grid.addColumn(n -> Texts.time(n.createdAt())).setHeader(getTranslation("notifications.column.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> n.read() ? n.subject() : getTranslation("notifications.unread", n.subject()))
                .setHeader(getTranslation("notifications.column.what"));
        grid.addColumn(NotificationView::body).setHeader(getTranslation("notifications.column.detail")).setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("notifications.empty"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(notifications.of(username));
        notifications.markAllRead(username);
        setSizeFull();
        add(new H2(getTranslation("notifications.title")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("notifications.title"));
    }
}
