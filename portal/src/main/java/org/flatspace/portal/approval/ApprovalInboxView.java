package org.flatspace.portal.approval;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonService;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.ApprovalService;
import org.flatspace.workflows.request.ApprovalTask;
import org.flatspace.workflows.request.InvalidRequestException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Decisions waiting for the signed-in manager (their team's) or admin (escalated and second
 * steps). Managers and admins only; the service refuses anything they may not decide, including
 * their own requests.
 */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals | Flatspace")
@RolesAllowed({"MANAGER", "ADMIN"})
public class ApprovalInboxView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ApprovalService approvals;
    private final PersonService people;
    private final Actor actor;
    private final Grid<ApprovalTask> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    public ApprovalInboxView(ApprovalService approvals, PersonService people, CurrentUser currentUser) {
        this.approvals = approvals;
        this.people = people;
        this.actor = currentUser.get().toActor();
        grid.setId("approvals");
        grid.addColumn(t -> t.request().id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.request().functionName()).setHeader("Business function");
        grid.addColumn(t -> t.request().count() + " x " + t.request().sizeName()).setHeader("Capacity");
        grid.addColumn(t -> (t.kind().isQuotaIncrease() ? "+" : "") + t.total().vcpu() + " vCPU, "
                + t.total().memoryMib() / 1024 + " GiB, " + t.total().instances() + " instances")
                .setHeader("Quota it takes");
        grid.addColumn(ApprovalInboxView::what).setHeader("Decision");
        grid.addColumn(t -> t.request().requester()).setHeader("Requested by");
        grid.addColumn(t -> TIME.format(t.createdAt())).setHeader("Waiting since");
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        setMaxWidth("72rem");
        add(new H2("Approvals"), grid, detail);
        refresh();
    }

    private void refresh() {
        List<ApprovalTask> inbox = approvals.inbox(actor);
        grid.setItems(inbox);
        show(null);
        if (inbox.isEmpty()) {
            detail.add(new Paragraph("Nothing waits for your decision."));
        }
    }

    private void show(ApprovalTask task) {
        detail.removeAll();
        if (task == null) {
            return;
        }
        detail.add(new H3("Request " + task.request().id() + ": " + what(task)),
                new Paragraph(task.request().requester() + " asks for " + task.request().count() + " x "
                        + task.request().sizeName() + " for " + task.request().functionName() + " until "
                        + (task.extensionUntil() == null ? task.request().leaseEnd() : task.extensionUntil())
                        + ": " + task.reason()));
        if (task.ownRequest()) {
            Paragraph own = new Paragraph("You asked for this, so another "
                    + (task.kind().forAdmins() ? "admin" : "manager of the team") + " decides it.");
            own.setId("own-request");
            detail.add(own);
            return;
        }
        TextArea comment = new TextArea("Comment (required to reject)");
        comment.setId("decision-comment");
        comment.setWidthFull();
        comment.setMaxLength(1000);
        Button approve = new Button("Approve", e -> act(() -> approvals.approve(actor, task.taskId(),
                comment.getValue()), comment, "Approved"));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> act(() -> approvals.reject(actor, task.taskId(),
                comment.getValue()), comment, "Rejected"));
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(approve, reject);
        detail.add(comment, buttons);
        if (!task.kind().forAdmins()) {
            detail.add(reassign(task));
        }
    }

    private HorizontalLayout reassign(ApprovalTask task) {
        ComboBox<PersonAccount> to = new ComboBox<>("Hand to another manager");
        to.setId("reassign-to");
        to.setItems(people.managersOf(actor.teamId()).stream()
                .filter(p -> !p.username().equals(actor.username()) && !p.username().equals(task.request().requester()))
                .toList());
        to.setItemLabelGenerator(p -> p.displayName() + " (" + p.username() + ")");
        Button reassign = new Button("Reassign", e -> act(() -> approvals.reassign(actor, task.taskId(),
                to.getValue() == null ? null : to.getValue().username()), to, "Reassigned"));
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
            field.setErrorMessage(String.join("; ", e.fieldErrors().values()));
            field.setInvalid(true);
        } catch (NotAllowedException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }

    private static String what(ApprovalTask task) {
        return switch (task.kind()) {
            case MANAGER -> "approve as manager";
            case ADMIN -> "approve as admin (after the manager)";
            case ESCALATED -> "escalated: no manager decided in time";
            case EXTENSION -> "extend the lease to " + task.extensionUntil();
            case QUOTA_MANAGER -> "forward a quota increase to the admins";
            case QUOTA_ADMIN -> "raise the team's quota";
        };
    }
}
