package org.flatspace.portal.request;

import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.RequestSummary;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** The signed-in person's team's requests, newest first. Every signed-in person; own team only. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Requests | Flatspace")
@PermitAll
public class RequestListView extends VerticalLayout {

    public RequestListView(CapacityRequestService requests, CurrentUser currentUser) {
        Actor actor = currentUser.get().toActor();
        Grid<RequestSummary> grid = new Grid<>();
        grid.setId("requests");
        grid.addColumn(RequestSummary::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RequestSummary::functionName).setHeader("Business function");
        grid.addColumn(r -> r.count() + " x " + r.sizeName()).setHeader("Capacity");
        grid.addColumn(RequestSummary::leaseEnd).setHeader("Lease ends");
        grid.addColumn(r -> RequestText.status(r.status())).setHeader("Status");
        grid.addColumn(RequestSummary::requester).setHeader("Requested by");
        grid.addColumn(r -> RequestText.time(r.submittedAt())).setHeader("Submitted");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // one page at a time from the database: a team may have thousands of requests
        grid.setItems(query -> requests.requestsOf(actor, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(requests.countRequestsOf(actor), Integer.MAX_VALUE));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class, RequestDetailView.parameters(e.getItem().id()))));
        setSizeFull();
        add(new H2("Requests"), grid);
    }
}
