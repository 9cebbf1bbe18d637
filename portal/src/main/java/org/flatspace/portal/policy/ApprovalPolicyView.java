package org.flatspace.portal.policy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.policy.ApprovalPolicyService;
import org.flatspace.workflows.policy.InvalidPolicyException;
import org.flatspace.workflows.policy.PolicyVersion;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * The approval policy (approval-policy.dmn): which requests are approved automatically, by the
 * team's manager, or by the manager and then an admin. Admins only: download, edit in the Camunda
 * Modeler, upload; a policy that does not work is refused with the reason.
 */
@Route(value = "admin/policy", layout = MainLayout.class)
@PageTitle("Approval policy | Flatspace")
@RolesAllowed("ADMIN")
public class ApprovalPolicyView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ApprovalPolicyService policies;
    private final Actor actor;
    private final Grid<PolicyVersion> versions = new Grid<>();
    private final Span error = new Span();

    public ApprovalPolicyView(ApprovalPolicyService policies, CurrentUser currentUser) {
        this.policies = policies;
        this.actor = currentUser.get().toActor();
        versions.setId("policy-versions");
        versions.addColumn(PolicyVersion::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> v.active() ? "active" : "").setHeader("").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(PolicyVersion::source).setHeader("From");
        versions.addColumn(v -> TIME.format(v.deployedAt())).setHeader("Deployed");
        versions.setAllRowsVisible(true);

        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(policies.activeDmn(actor).getBytes(StandardCharsets.UTF_8)),
                "approval-policy.dmn", "application/xml", -1)), "Download the active policy (DMN)");
        download.setId("policy-download");

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> replace(metadata.fileName(), bytes));
        }));
        upload.setId("policy-upload");
        upload.setAcceptedFileTypes(".dmn", ".xml", "application/xml", "text/xml");
        upload.setMaxFileSize(ApprovalPolicyService.MAX_SIZE);
        upload.setDropLabel(new Span("Drop a new approval-policy.dmn here"));
        error.setId("policy-error");
        error.addClassNames(LumoUtility.TextColor.ERROR);

        setMaxWidth("64rem");
        add(new H2("Approval policy"), new Paragraph("The decision approval-policy answers AUTO, MANAGER or "
                        + "MANAGER_THEN_ADMIN from tier, totalVcpu, totalMemoryMib, leaseDays and team. "
                        + "Edit it in the Camunda Modeler and upload it; it is checked before it becomes active."),
                versions, download, upload, error);
        refresh();
    }

    private void replace(String fileName, byte[] dmn) {
        error.setText("");
        try {
            PolicyVersion version = policies.replace(actor, fileName, dmn);
            Notification.show("Policy version " + version.version() + " is active", 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (InvalidPolicyException e) {
            error.setText("Not accepted, the active policy stays: " + e.getMessage());
        }
    }

    private void refresh() {
        versions.setItems(policies.versions(actor));
    }
}
