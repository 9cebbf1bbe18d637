package org.flatspace.portal.policy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.flatspace.portal.i18n.Texts;
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
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
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
@RolesAllowed("ADMIN")
public class ApprovalPolicyView extends VerticalLayout implements HasDynamicTitle {

    private final ApprovalPolicyService policies;
    private final Actor actor;
    private final Grid<PolicyVersion> versions = new Grid<>();
    private final Span error = new Span();
    private final Upload upload;

    public ApprovalPolicyView(ApprovalPolicyService policies, CurrentUser currentUser) {
        this.policies = policies;
        this.actor = currentUser.get().toActor();
        versions.setId("policy-versions");
        versions.addColumn(PolicyVersion::version).setHeader(getTranslation("policy.column.version"))
                .setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> v.active() ? getTranslation("policy.active") : "")
                .setHeader(getTranslation("policy.column.active"))
                .setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(PolicyVersion::source).setHeader(getTranslation("policy.column.source"));
        versions.addColumn(v -> Texts.time(v.deployedAt())).setHeader(getTranslation("policy.column.deployed"));
        versions.setAllRowsVisible(true);
        versions.setEmptyStateText(getTranslation("policy.empty"));

        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(policies.activeDmn(actor).getBytes(StandardCharsets.UTF_8)),
                "approval-policy.dmn", "application/xml", -1)), getTranslation("policy.download"));
        download.setId("policy-download");

        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> replace(metadata.fileName(), bytes));
        }));
        upload.setId("policy-upload");
        upload.setAcceptedFileTypes(".dmn", ".xml", "application/xml", "text/xml");
        upload.setMaxFileSize(ApprovalPolicyService.MAX_SIZE);
        upload.setDropLabel(new Span(getTranslation("policy.upload.drop")));
        UploadI18N uploadTexts = new UploadI18N();
        uploadTexts.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("policy.upload.button"))
                .setMany(getTranslation("policy.upload.button")));
        uploadTexts.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("policy.upload.drop"))
                .setMany(getTranslation("policy.upload.drop")));
        uploadTexts.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("policy.upload.too-many"))
                .setFileIsTooBig(getTranslation("policy.upload.too-big"))
                .setIncorrectFileType(getTranslation("policy.upload.wrong-type")));
        uploadTexts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("policy.upload.connecting"))
                        .setStalled(getTranslation("policy.upload.stalled"))
                        .setProcessing(getTranslation("policy.upload.processing"))
                        .setHeld(getTranslation("policy.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("policy.upload.remaining"))
                        .setUnknown(getTranslation("policy.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("policy.upload.server-unavailable"))
                        .setUnexpectedServerError(getTranslation("policy.upload.server-error"))
                        .setForbidden(getTranslation("policy.upload.forbidden"))));
        uploadTexts.setFile(new UploadI18N.File().setRetry(getTranslation("policy.upload.retry"))
                .setStart(getTranslation("policy.upload.start")).setRemove(getTranslation("policy.upload.remove")));
        uploadTexts.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        upload.setI18n(uploadTexts);
        error.setId("policy-error");
        error.addClassNames(LumoUtility.TextColor.ERROR);

        setMaxWidth("64rem");
        add(new H2(getTranslation("policy.title")), new Paragraph(getTranslation("policy.intro")),
                versions, download, upload, error);
        refresh();
    }

    private void replace(String fileName, byte[] dmn) {
        error.setText("");
        try {
            PolicyVersion version = policies.replace(actor, fileName, dmn);
            Notification.show(getTranslation("policy.replaced", version.version()), 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (InvalidPolicyException e) {
            error.setText(getTranslation("policy.refused", e.getMessage()));
            // the widget marks the file as uploaded: it was received, not accepted
            upload.clearFileList();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("policy.title"));
    }

    private void refresh() {
        versions.setItems(policies.versions(actor));
    }
}
