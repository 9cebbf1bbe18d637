package org.flatspace.portal.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.flatspace.config.person.Role;
import org.flatspace.config.quota.Resources;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.CapacityRequestService;
import org.flatspace.workflows.request.InvalidRequestException;
import org.flatspace.workflows.request.QuotaIncreaseService;
import org.flatspace.workflows.request.RequestBusyException;
import org.flatspace.workflows.request.RequestDetails;
import org.flatspace.workflows.request.RequestInstance;
import org.flatspace.workflows.request.RequestNotFoundException;
import org.flatspace.workflows.request.RequestStatus;
import org.flatspace.workflows.request.RequestSummary;
import org.flatspace.workflows.request.TimelineEntry;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.PermitAll;

/**
 * One request: its status, timeline and instances (never their hosts). Every signed-in person, for
 * their own team's requests; any other id reads "not found". Offers what can be done next
 * (withdraw, extend, release). Refreshes itself while the request is on its way to running.
 */
@Route(value = "requests/:id", layout = MainLayout.class)
@PermitAll
public class RequestDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int REFRESH_MILLIS = 1000;

    private final CapacityRequestService requests;
    private final QuotaIncreaseService quotaIncreases;
    private final Actor actor;
    private final H2 title = new H2();
    private final Span status = new Span();
    private final Paragraph reason = new Paragraph();
    private final Grid<RequestInstance> instances = new Grid<>();
    private final Grid<TimelineEntry> timeline = new Grid<>();
    private long requestId;
    private Registration polling;
    /** Whether the request is on its way to running, so the page refreshes itself. */
    private boolean onItsWay;

    public RequestDetailView(CapacityRequestService requests, QuotaIncreaseService quotaIncreases,
                             CurrentUser currentUser) {
        this.requests = requests;
        this.quotaIncreases = quotaIncreases;
        this.actor = currentUser.get().toActor();
        status.setId("request-status");
        instances.setId("instances");
        instances.addColumn(RequestInstance::name).setHeader(getTranslation("request.detail.instances.column.name"));
        instances.addColumn(RequestInstance::sizeName)
                .setHeader(getTranslation("request.detail.instances.column.size"));
        instances.addColumn(RequestInstance::state).setHeader(getTranslation("request.detail.instances.column.state"));
        instances.setEmptyStateText(getTranslation("request.detail.instances.empty"));
        instances.setAllRowsVisible(true);
        timeline.setId("timeline");
        timeline.addColumn(e -> Texts.time(e.at())).setHeader(getTranslation("request.detail.timeline.column.when"))
                .setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(TimelineEntry::actor).setHeader(getTranslation("request.detail.timeline.column.who"))
                .setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(TimelineEntry::event).setHeader(getTranslation("request.detail.timeline.column.what"))
                .setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(TimelineEntry::detail).setHeader(getTranslation("request.detail.timeline.column.detail"));
        timeline.setAllRowsVisible(true);
    }

    static RouteParameters parameters(long requestId) {
        return new RouteParameters("id", String.valueOf(requestId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("id");
        requestId = id.orElse(-1L);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // refresh only while nothing waits for the user: a refresh rebuilds the fields they type in
        event.getUI().setPollInterval(onItsWay ? REFRESH_MILLIS : -1);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void refresh() {
        removeAll();
        Optional<RequestDetails> found = requests.details(actor, requestId);
        if (found.isEmpty()) {
            H2 notFound = new H2(getTranslation("request.detail.not-found.title"));
            notFound.setId("not-found");
            add(notFound, new Paragraph(getTranslation("request.detail.not-found.text", String.valueOf(requestId))));
            return;
        }
        RequestDetails details = found.get();
        RequestSummary summary = details.summary();
        title.setText(getTranslation("request.detail.title", String.valueOf(summary.id()), summary.count(),
                summary.sizeName(), summary.functionName()));
        status.setText(summary.statusReason() == null ? RequestText.status(summary.status())
                : getTranslation("request.detail.status.with-reason", RequestText.status(summary.status()),
                summary.statusReason()));
        reason.setText(getTranslation("request.detail.reason", Texts.date(summary.leaseEnd()), summary.requester(),
                details.reason()));
        instances.setItems(details.instances());
        timeline.setItems(details.timeline());
        RouterLink function = FunctionDetailView.link(summary.functionId(), summary.functionName());
        function.setId("function-link");
        Paragraph functionLine = new Paragraph(new Span(getTranslation("request.detail.function")), new Text(" "),
                function);
        add(title, functionLine, status, reason);
        if (details.actorsTeam()) {
            // an administrator reading another team's request reads it only
            actions(summary).ifPresent(this::add);
        }
        if (details.failureToReview() && actor.is(Role.ADMIN)) {
            add(failureReview());
        }
        add(new H3(getTranslation("request.detail.instances.title")), instances,
                new H3(getTranslation("request.detail.timeline.title")), timeline);
        onItsWay = summary.status() == RequestStatus.SUBMITTED || summary.status() == RequestStatus.APPROVED;
        getUI().ifPresent(ui -> ui.setPollInterval(onItsWay ? REFRESH_MILLIS : -1));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("request.detail.page-title"));
    }

    /** What the team can do with the request now; the service checks again who may. */
    private Optional<HorizontalLayout> actions(RequestSummary summary) {
        if (summary.status() == RequestStatus.OVER_QUOTA) {
            return Optional.of(overQuotaActions());
        }
        if (summary.status() == RequestStatus.PENDING_APPROVAL) {
            Button withdraw = new Button(getTranslation("request.detail.withdraw"),
                    e -> act(() -> requests.withdraw(actor, requestId), null));
            withdraw.setId("withdraw");
            return Optional.of(new HorizontalLayout(withdraw));
        }
        if (summary.status() != RequestStatus.ACTIVE) {
            return Optional.empty();
        }
        DatePicker until = new DatePicker(getTranslation("request.detail.extend.until"));
        until.setId("extend-until");
        until.setI18n(Texts.datePicker());
        until.setMin(summary.leaseEnd().plusDays(1));
        Button extend = new Button(getTranslation("request.detail.extend"),
                e -> act(() -> requests.extend(actor, requestId, until.getValue()), until));
        extend.setId("extend");
        Button release = new Button(getTranslation("request.detail.release"), e -> confirmRelease());
        release.setId("release");
        release.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout row = new HorizontalLayout(until, extend, release);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return Optional.of(row);
    }

    /**
     * Administrators: the provisioning failed (incident provisioningFailed); once they have looked at
     * why, they mark it reviewed, which resolves the incident.
     */
    private HorizontalLayout failureReview() {
        Paragraph text = new Paragraph(getTranslation("request.detail.failure-review.text"));
        Button reviewed = new Button(getTranslation("request.detail.failure-review"),
                e -> act(() -> requests.reviewFailure(actor, requestId), null));
        reviewed.setId("review-failure");
        reviewed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(text, reviewed);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    /** Ask for the quota the request lacks (with a reason), or withdraw it. */
    private HorizontalLayout overQuotaActions() {
        Resources lacking = quotaIncreases.shortfall(actor, requestId);
        TextField why = new TextField(getTranslation("request.detail.increase.reason", describe(lacking)));
        why.setId("increase-reason");
        why.setWidth("28rem");
        why.setMaxLength(1000);
        Button ask = new Button(getTranslation("request.detail.increase.ask"),
                e -> act(() -> quotaIncreases.ask(actor, requestId, why.getValue()), why));
        ask.setId("ask-quota");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.addClickShortcut(Key.ENTER).listenOn(why);
        Button withdraw = new Button(getTranslation("request.detail.withdraw"),
                e -> act(() -> requests.withdraw(actor, requestId), null));
        withdraw.setId("withdraw");
        HorizontalLayout row = new HorizontalLayout(why, ask, withdraw);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private String describe(Resources r) {
        List<String> parts = new ArrayList<>();
        if (r.vcpu() > 0) {
            parts.add(getTranslation("resources.vcpu", r.vcpu()));
        }
        if (r.memoryMib() > 0) {
            parts.add(getTranslation("resources.memory-mib", r.memoryMib()));
        }
        if (r.diskGib() > 0) {
            parts.add(getTranslation("resources.disk-gib", r.diskGib()));
        }
        if (r.instances() > 0) {
            parts.add(getTranslation("resources.instances", r.instances()));
        }
        return String.join(getTranslation("common.list-separator"), parts);
    }

    private void confirmRelease() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("request.detail.release.confirm.header"),
                getTranslation("request.detail.release.confirm.text"),
                getTranslation("request.detail.release.confirm.button"),
                e -> act(() -> requests.release(actor, requestId), null));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setId("confirm-release");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void act(Runnable action, HasValidation field) {
        try {
            action.run();
            refresh();
        } catch (InvalidRequestException e) {
            if (field != null) {
                field.setErrorMessage(String.join(getTranslation("common.message-separator"),
                        e.fieldErrors().values()));
                field.setInvalid(true);
            }
        } catch (NotAllowedException | RequestNotFoundException | RequestBusyException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }
}
