package org.flatspace.portal.request;

import java.util.Optional;

import org.flatspace.config.catalog.FunctionInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.quota.Resources;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.FunctionDetails;
import org.flatspace.workflows.request.FunctionInstance;
import org.flatspace.workflows.request.RequestSummary;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * One business function of the signed-in person's team: its tier and the tier's rules in words,
 * what runs for it now (instances and their totals, never hosts) and its latest requests, with a
 * link to request capacity for it. Requesters and managers see their own team's functions,
 * administrators every team's; any other id reads "not found", as the service answers.
 */
@Route(value = "functions/:id", layout = MainLayout.class)
@RolesAllowed({"REQUESTER", "MANAGER", "ADMIN"})
public class FunctionDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Instances shown without scrolling; more scroll in a grid of fixed height. */
    private static final int SCREENFUL = 15;

    private final CapacityRequestService requests;
    private final Actor actor;

    public FunctionDetailView(CapacityRequestService requests, CurrentUser currentUser) {
        this.requests = requests;
        this.actor = currentUser.get().toActor();
        setMaxWidth("64rem");
    }

    static RouteParameters parameters(long functionId) {
        return new RouteParameters("id", String.valueOf(functionId));
    }

    /** A link to the function's page, named for screen readers: for the pages that name a function. */
    public static RouterLink link(long functionId, String name) {
        RouterLink link = new RouterLink(name, FunctionDetailView.class, parameters(functionId));
        link.getElement().setAttribute("aria-label", Texts.of("function.detail.open", name));
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long functionId = event.getRouteParameters().getLong("id").orElse(-1L);
        removeAll();
        Optional<FunctionDetails> found = requests.function(actor, functionId);
        if (found.isEmpty()) {
            H2 notFound = new H2(getTranslation("function.detail.not-found.title"));
            notFound.setId("not-found");
            add(notFound, new Paragraph(getTranslation("function.detail.not-found.text", String.valueOf(functionId))));
            return;
        }
        FunctionDetails details = found.get();
        FunctionInfo function = details.function();
        H2 title = new H2(getTranslation("function.detail.title", function.name()));
        title.setId("function-title");
        add(title);
        add(tier(function.tier()));
        if (actor.mayRequest() && function.teamId() == actor.teamId()) {
            add(requestCapacityLink(function.id()));
        }
        add(new H3(getTranslation("function.detail.running.title")), totals(details.running()),
                instances(details), new H3(getTranslation("function.detail.requests.title")));
        if (details.requestCount() > details.requests().size()) {
            Paragraph latest = new Paragraph(getTranslation("function.detail.requests.latest",
                    details.requests().size(), details.requestCount()));
            latest.setId("requests-latest");
            add(latest);
        }
        add(requestGrid(details));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("function.detail.page-title"));
    }

    /** The tier and what it means for the function's instances. */
    private Component tier(TierInfo tier) {
        UnorderedList rules = new UnorderedList(
                new ListItem(getTranslation(tier.spreadAcrossFaultDomains() ? "function.detail.tier.spread"
                        : "function.detail.tier.no-spread")),
                new ListItem(getTranslation(tier.restartOnHostFailure() ? "function.detail.tier.restart"
                        : "function.detail.tier.no-restart")),
                new ListItem(getTranslation(tier.liveMigration() ? "function.detail.tier.live-migration"
                        : "function.detail.tier.no-live-migration")),
                new ListItem(tier.maxCpuOvercommit() > 1.0
                        ? getTranslation("function.detail.tier.overcommit", Texts.number(tier.maxCpuOvercommit()))
                        : getTranslation("function.detail.tier.no-overcommit")));
        rules.setId("tier-rules");
        Paragraph intro = new Paragraph(getTranslation("function.detail.tier", tier.name()));
        intro.setId("tier");
        VerticalLayout block = new VerticalLayout(intro, rules);
        block.setPadding(false);
        block.setSpacing(false);
        return block;
    }

    private RouterLink requestCapacityLink(long functionId) {
        RouterLink link = new RouterLink(getTranslation("function.detail.request"), RequestCapacityView.class);
        link.setQueryParameters(QueryParameters.of(RequestCapacityView.FUNCTION_PARAMETER, String.valueOf(functionId)));
        link.setId("request-capacity");
        return link;
    }

    private Span totals(Resources running) {
        Span totals = new Span(getTranslation("function.detail.running.totals",
                getTranslation("resources.instances", running.instances()), Texts.number(running.vcpu()),
                Texts.number(running.memoryMib() / 1024.0), Texts.number(running.diskGib())));
        totals.setId("running-totals");
        return totals;
    }

    private Grid<FunctionInstance> instances(FunctionDetails details) {
        Grid<FunctionInstance> grid = new Grid<>();
        grid.setId("function-instances");
        grid.addColumn(FunctionInstance::name).setHeader(getTranslation("function.detail.instances.column.name"));
        grid.addColumn(FunctionInstance::sizeName).setHeader(getTranslation("function.detail.instances.column.size"));
        grid.addColumn(i -> Texts.name(i.state()))
                .setHeader(getTranslation("function.detail.instances.column.state"));
        grid.addComponentColumn(i -> i.requestId() == null ? new Span() : requestLink(i.requestId()))
                .setHeader(getTranslation("function.detail.instances.column.request"));
        grid.addColumn(i -> Texts.date(i.leaseEnd()))
                .setHeader(getTranslation("function.detail.instances.column.lease-end"));
        grid.setEmptyStateText(getTranslation("function.detail.instances.empty"));
        grid.setItems(details.instances());
        // a function may run thousands: past a screenful the grid scrolls, sending the browser the rows it shows
        if (details.instances().size() <= SCREENFUL) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("32rem");
        }
        return grid;
    }

    private Grid<RequestSummary> requestGrid(FunctionDetails details) {
        Grid<RequestSummary> grid = new Grid<>();
        grid.setId("function-requests");
        grid.addComponentColumn(r -> requestLink(r.id()))
                .setHeader(getTranslation("function.detail.requests.column.id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> RequestText.status(r.status()))
                .setHeader(getTranslation("function.detail.requests.column.status"));
        grid.addColumn(r -> Texts.of("request.capacity", r.count(), r.sizeName()))
                .setHeader(getTranslation("function.detail.requests.column.capacity"));
        grid.addColumn(r -> Texts.date(r.leaseEnd()))
                .setHeader(getTranslation("function.detail.requests.column.lease-end"));
        grid.addColumn(RequestSummary::requester)
                .setHeader(getTranslation("function.detail.requests.column.requester"));
        grid.setEmptyStateText(getTranslation("function.detail.requests.empty"));
        grid.setItems(details.requests());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The request's number, a link to its page. */
    private RouterLink requestLink(long requestId) {
        RouterLink link = new RouterLink(String.valueOf(requestId), RequestDetailView.class,
                RequestDetailView.parameters(requestId));
        link.getElement().setAttribute("aria-label", getTranslation("request.list.open", String.valueOf(requestId)));
        return link;
    }
}
