package org.flatspace.portal.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.notify.NotificationService;
import org.flatspace.workflows.notify.NotificationView;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** The signed-in person's own notifications, newest first; opening the list marks them read. */
@Route(value = "notifications", layout = MainLayout.class)
@PageTitle("Notifications | Flatspace")
@PermitAll
public class NotificationsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    public NotificationsView(NotificationService notifications, CurrentUser currentUser) {
        String username = currentUser.get().getUsername();
        Grid<NotificationView> grid = new Grid<>();
        grid.setId("notifications");
        grid.addColumn(n -> TIME.format(n.createdAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> (n.read() ? "" : "● ") + n.subject()).setHeader("What");
        grid.addColumn(NotificationView::body).setHeader("Detail").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(notifications.of(username));
        notifications.markAllRead(username);
        setSizeFull();
        add(new H2("Notifications"), grid);
    }
}
