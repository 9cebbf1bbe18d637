package org.flatspace.portal.request;

import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.RequestSummary;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

/** The signed-in person's team's requests, newest first. Every signed-in person; own team only. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class RequestListView extends VerticalLayout implements HasDynamicTitle {

    public RequestListView(CapacityRequestService requests, CurrentUser currentUser) {
        Actor actor = currentUser.get().toActor();
        Grid<RequestSummary> grid = new Grid<>();
        grid.setId("requests");
        grid.addComponentColumn(this::link).setHeader(getTranslation("request.list.column.id")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RequestSummary::functionName).setHeader(getTranslation("request.list.column.function"));
        grid.addColumn(r -> getTranslation("request.capacity", r.count(), r.sizeName()))
                .setHeader(getTranslation("request.list.column.capacity"));
        grid.addColumn(r -> Texts.date(r.leaseEnd())).setHeader(getTranslation("request.list.column.lease-end"));
        grid.addColumn(r -> RequestText.status(r.status())).setHeader(getTranslation("request.list.column.status"));
        grid.addColumn(RequestSummary::requester).setHeader(getTranslation("request.list.column.requester"));
        grid.addColumn(r -> Texts.time(r.submittedAt())).setHeader(getTranslation("request.list.column.submitted"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // one page at a time from the database: a team may have thousands of requests
        grid.setItems(query -> requests.requestsOf(actor, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(requests.countRequestsOf(actor), Integer.MAX_VALUE));
        // a click anywhere on the row opens the request; the number is a link for the keyboard
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class, RequestDetailView.parameters(e.getItem().id()))));
        grid.setEmptyStateText(getTranslation("request.list.empty"));
        setSizeFull();
        add(new H2(getTranslation("request.list.title")), grid);
    }

    private RouterLink link(RequestSummary request) {
        RouterLink link = new RouterLink(String.valueOf(request.id()), RequestDetailView.class,
                RequestDetailView.parameters(request.id()));
        link.getElement().setAttribute("aria-label", getTranslation("request.list.open", String.valueOf(request.id())));
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("request.list.title"));
    }
}
