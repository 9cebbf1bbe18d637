package org.flatspace.portal.approval;

import java.util.List;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.config.quota.QuotaUsage;
import org.flatspace.config.quota.Resources;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.request.RequestText;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.ApprovalTask;
import org.flatspace.workflows.request.DecisionContext;
import org.flatspace.workflows.request.InvalidRequestException;
import org.flatspace.workflows.request.RequestSummary;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Decisions waiting for the signed-in manager (their team's) or admin (escalated and second
 * steps). Managers and admins only; the service refuses anything they may not decide, including
 * their own requests.
 */
@Route(value = "approvals", layout = MainLayout.class)
@RolesAllowed({"MANAGER", "ADMIN"})
public class ApprovalInboxView extends VerticalLayout implements HasDynamicTitle {

    private final ApprovalService approvals;
    private final PersonService people;
    private final Actor actor;
    private final Grid<ApprovalTask> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    /** One resource of the team's quota beside what the decision takes, in the unit people read it in. */
    record QuotaLine(String resource, String decision, String allocated, String reserved, String free, String limit) {
    }

    public ApprovalInboxView(ApprovalService approvals, PersonService people, CurrentUser currentUser) {
        this.approvals = approvals;
        this.people = people;
        this.actor = currentUser.get().toActor();
        grid.setId("approvals");
        grid.addColumn(t -> String.valueOf(t.request().id())).setHeader(getTranslation("approval.column.id"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.request().functionName()).setHeader(getTranslation("approval.column.function"));
        grid.addColumn(t -> getTranslation("request.capacity", t.request().count(), t.request().sizeName()))
                .setHeader(getTranslation("approval.column.capacity"));
        grid.addColumn(t -> getTranslation(t.kind().isQuotaIncrease() ? "approval.quota.increase" : "approval.quota",
                        t.total().vcpu(), t.total().memoryMib() / 1024, t.total().instances()))
                .setHeader(getTranslation("approval.column.quota"));
        grid.addColumn(this::what).setHeader(getTranslation("approval.column.decision"));
        grid.addColumn(t -> t.request().requester()).setHeader(getTranslation("approval.column.requester"));
        grid.addColumn(t -> Texts.time(t.createdAt())).setHeader(getTranslation("approval.column.waiting-since"));
        grid.addComponentColumn(this::openButton).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("approval.empty"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        setMaxWidth("72rem");
        add(new H2(getTranslation("approval.title")), grid, detail);
        refresh();
    }

    private void refresh() {
        List<ApprovalTask> inbox = approvals.inbox(actor);
        grid.setItems(inbox);
        show(null);
    }

    /** Opens the decision from the keyboard too: a button in the row, not only a click on it. */
    private Button openButton(ApprovalTask task) {
        Button open = new Button(getTranslation("approval.open"), e -> grid.select(task));
        open.setId("open-" + task.request().id());
        open.getElement().setAttribute("aria-label", getTranslation("approval.open.label",
                String.valueOf(task.request().id())));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return open;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("approval.title"));
    }

    private void show(ApprovalTask task) {
        detail.removeAll();
        if (task == null) {
            return;
        }
        detail.add(new H3(getTranslation("approval.detail.title", String.valueOf(task.request().id()), what(task))),
                new Paragraph(getTranslation("approval.detail.text", task.request().requester(),
                        task.request().count(), task.request().sizeName(), task.request().functionName(),
                        task.extensionUntil() == null ? Texts.date(task.request().leaseEnd()) : task.extensionUntil(),
                        task.reason())));
        showContext(task);
        if (task.ownRequest()) {
            Paragraph own = new Paragraph(getTranslation(task.kind().forAdmins() ? "approval.detail.own.admin"
                    : "approval.detail.own.manager"));
            own.setId("own-request");
            detail.add(own);
            return;
        }
        TextArea comment = new TextArea(getTranslation("approval.comment"));
        comment.setId("decision-comment");
        comment.setWidthFull();
        comment.setMaxLength(1000);
        Button approve = new Button(getTranslation("approval.approve"),
                e -> act(() -> approvals.approve(actor, task.taskId(), comment.getValue()), comment,
                        getTranslation("approval.approved")));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("approval.reject"),
                e -> act(() -> approvals.reject(actor, task.taskId(), comment.getValue()), comment,
                        getTranslation("approval.rejected")));
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(approve, reject);
        detail.add(comment, buttons);
        // the decision opened: its comment takes the keyboard, Tab reaches Approve
        comment.focus();
        if (!task.kind().forAdmins()) {
            detail.add(reassign(task));
        }
    }

    /** What the decision costs: the team's quota beside what it takes, and the team's latest requests. */
    private void showContext(ApprovalTask task) {
        DecisionContext context;
        try {
            context = approvals.context(actor, task.taskId());
        } catch (NotAllowedException e) {
            return; // decided or handed to someone else meanwhile: the decision itself says so
        }
        Grid<QuotaLine> quota = new Grid<>();
        quota.setId("decision-quota");
        quota.addColumn(QuotaLine::resource).setHeader(getTranslation("dashboard.quota.column.resource"));
        quota.addColumn(QuotaLine::decision).setHeader(getTranslation(task.kind().isQuotaIncrease()
                ? "approval.context.column.increase" : "approval.context.column.request"));
        quota.addColumn(QuotaLine::allocated).setHeader(getTranslation("dashboard.quota.column.allocated"));
        quota.addColumn(QuotaLine::reserved).setHeader(getTranslation("dashboard.quota.column.reserved"));
        quota.addColumn(QuotaLine::free).setHeader(getTranslation("dashboard.quota.column.free"));
        quota.addColumn(QuotaLine::limit).setHeader(getTranslation("dashboard.quota.column.limit"));
        quota.setItems(quotaLines(context.quota(), task.total()));
        quota.setAllRowsVisible(true);

        Grid<RequestSummary> history = new Grid<>();
        history.setId("team-history");
        history.addColumn(r -> String.valueOf(r.id())).setHeader(getTranslation("approval.column.id"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(RequestSummary::functionName).setHeader(getTranslation("approval.column.function"));
        history.addColumn(r -> getTranslation("request.capacity", r.count(), r.sizeName()))
                .setHeader(getTranslation("approval.column.capacity"));
        history.addColumn(r -> RequestText.status(r.status())).setHeader(getTranslation("approval.context.column.status"));
        history.addColumn(RequestSummary::requester).setHeader(getTranslation("approval.column.requester"));
        history.addColumn(r -> Texts.time(r.submittedAt())).setHeader(getTranslation("approval.context.column.submitted"));
        history.setEmptyStateText(getTranslation("approval.context.history.empty"));
        history.setItems(context.teamHistory());
        history.setAllRowsVisible(true);

        detail.add(new H4(getTranslation("approval.context.quota.title", context.teamName())),
                new Paragraph(getTranslation(task.kind().isQuotaIncrease() ? "approval.context.quota.increase"
                        : "approval.context.quota.request")), quota,
                new H4(getTranslation("approval.context.history.title", context.teamName())), history);
    }

    static List<QuotaLine> quotaLines(QuotaUsage u, Resources decision) {
        return List.of(
                line(Texts.of("dashboard.quota.vcpu"), decision.vcpu(), u.allocated().vcpu(), u.reserved().vcpu(),
                        u.freeVcpu(), u.limits().vcpu(), 1),
                line(Texts.of("dashboard.quota.memory"), decision.memoryMib(), u.allocated().memoryMib(),
                        u.reserved().memoryMib(), u.freeMemoryMib(), u.limits().memoryMib(), 1024),
                line(Texts.of("dashboard.quota.disk"), decision.diskGib(), u.allocated().diskGib(),
                        u.reserved().diskGib(), u.freeDiskGib(), u.limits().diskGib(), 1),
                line(Texts.of("dashboard.quota.instances"), decision.instances(), u.allocated().instances(),
                        u.reserved().instances(), u.freeInstances(), u.limits().instances(), 1));
    }

    private static QuotaLine line(String resource, long decision, long allocated, long reserved, long free,
                                  long limit, int unit) {
        return new QuotaLine(resource, Texts.number((double) decision / unit), Texts.number((double) allocated / unit),
                Texts.number((double) reserved / unit), Texts.number((double) free / unit),
                Texts.number((double) limit / unit));
    }

    private HorizontalLayout reassign(ApprovalTask task) {
        ComboBox<PersonAccount> to = new ComboBox<>(getTranslation("approval.reassign.to"));
        to.setId("reassign-to");
        to.setItems(people.managersOf(actor.teamId()).stream()
                .filter(p -> !p.username().equals(actor.username()) && !p.username().equals(task.request().requester()))
                .toList());
        to.setItemLabelGenerator(p -> getTranslation("approval.reassign.person", p.displayName(), p.username()));
        Button reassign = new Button(getTranslation("approval.reassign"), e -> act(() -> approvals.reassign(actor,
                task.taskId(), to.getValue() == null ? null : to.getValue().username()), to,
                getTranslation("approval.reassigned")));
        reassign.setId("reassign");
        HorizontalLayout row = new HorizontalLayout(to, reassign);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private void act(Runnable action, com.vaadin.flow.component.HasValidation field, String done) {
        field.setInvalid(false);
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (InvalidRequestException e) {
            field.setErrorMessage(String.join(getTranslation("common.message-separator"), e.fieldErrors().values()));
            field.setInvalid(true);
        } catch (NotAllowedException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }

    private String what(ApprovalTask task) {
        return switch (task.kind()) {
            case MANAGER -> getTranslation("approval.kind.manager");
            case ADMIN -> getTranslation("approval.kind.admin");
            case ESCALATED -> getTranslation("approval.kind.escalated");
            case EXTENSION -> getTranslation("approval.kind.extension", task.extensionUntil());
            case QUOTA_MANAGER -> getTranslation("approval.kind.quota-manager");
            case QUOTA_ADMIN -> getTranslation("approval.kind.quota-admin");
        };
    }
}
