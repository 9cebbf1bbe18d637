package org.flatspace.portal.layout;

import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.api.ApiTokensView;
import org.flatspace.portal.approval.ApprovalInboxView;
import org.flatspace.portal.audit.AuditLogView;
import org.flatspace.portal.catalog.CatalogAdminView;
import org.flatspace.portal.dashboard.TeamDashboardView;
import org.flatspace.portal.health.HostHealthView;
import org.flatspace.portal.notification.NotificationsView;
import org.flatspace.portal.people.PeopleAdminView;
import org.flatspace.portal.placement.WhatIfView;
import org.flatspace.portal.policy.ApprovalPolicyView;
import org.flatspace.portal.quota.QuotaAdminView;
import org.flatspace.portal.pool.HostListView;
import org.flatspace.portal.pool.PoolPlansView;
import org.flatspace.portal.request.RequestCapacityView;
import org.flatspace.portal.request.RequestListView;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.portal.security.FlatspaceUser;
import org.flatspace.workflows.notify.NotificationService;
import org.flatspace.workflows.request.ApprovalService;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** Navigation with only what the signed-in person's roles may use, and who they are. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, TeamService teams, NotificationService notifications,
                      ApprovalService approvals) {
        FlatspaceUser user = currentUser.get();
        H1 title = new H1(getTranslation("app.name"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);

        String team = teams.team(user.teamId()).map(t -> t.name()).orElse("");
        Span who = new Span(team.isEmpty() ? user.displayName()
                : getTranslation("layout.header.who", user.displayName(), team));
        who.setId("current-user");
        Button signOut = new Button(getTranslation("layout.header.sign-out"), VaadinIcon.SIGN_OUT.create(),
                e -> currentUser.signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.header.menu"));
        toggle.setTooltipText(getTranslation("layout.header.menu"));
        HorizontalLayout header = new HorizontalLayout(toggle, title, who, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(who);
        header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
        who.addClassNames(LumoUtility.TextAlignment.RIGHT, LumoUtility.TextColor.SECONDARY);
        addToNavbar(header);
        addToDrawer(navigation(user, notifications.unreadCount(user.getUsername()),
                user.has(Role.MANAGER) || user.has(Role.ADMIN) ? approvals.inboxCount(user.toActor()) : 0));
    }

    private SideNav navigation(FlatspaceUser user, long unread, long decisions) {
        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", getTranslation("layout.nav.label"));
        if (user.has(Role.REQUESTER) || user.has(Role.MANAGER)) {
            nav.addItem(new SideNavItem(getTranslation("layout.nav.dashboard"), TeamDashboardView.class,
                    VaadinIcon.DASHBOARD.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.request"), RequestCapacityView.class,
                    VaadinIcon.PLUS.create()));
        }
        nav.addItem(new SideNavItem(getTranslation("layout.nav.requests"), RequestListView.class,
                VaadinIcon.LIST.create()));
        if (user.has(Role.MANAGER) || user.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(decisions == 0 ? getTranslation("layout.nav.approvals")
                            : getTranslation("layout.nav.approvals.waiting", decisions),
                    ApprovalInboxView.class, VaadinIcon.CHECK_SQUARE_O.create()));
        }
        nav.addItem(new SideNavItem(unread == 0 ? getTranslation("layout.nav.notifications")
                        : getTranslation("layout.nav.notifications.unread", unread),
                NotificationsView.class, VaadinIcon.BELL.create()));
        nav.addItem(new SideNavItem(getTranslation("layout.nav.tokens"), ApiTokensView.class, VaadinIcon.KEY.create()));
        if (user.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("layout.nav.hosts"), HostListView.class,
                    VaadinIcon.SERVER.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.health"), HostHealthView.class,
                    VaadinIcon.HEART.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.plans"), PoolPlansView.class,
                    VaadinIcon.EXCHANGE.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.quotas"), QuotaAdminView.class,
                    VaadinIcon.SCALE.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.catalog"), CatalogAdminView.class,
                    VaadinIcon.PACKAGE.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.policy"), ApprovalPolicyView.class,
                    VaadinIcon.SITEMAP.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.what-if"), WhatIfView.class,
                    VaadinIcon.QUESTION_CIRCLE_O.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.people"), PeopleAdminView.class,
                    VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem(getTranslation("layout.nav.audit"), AuditLogView.class,
                    VaadinIcon.RECORDS.create()));
            // Camunda's own web application, behind the portal's sign-in (not a Vaadin route: a page of its own)
            SideNavItem cockpit = new SideNavItem(getTranslation("layout.nav.cockpit"), "/camunda/app/cockpit/default/",
                    VaadinIcon.COGS.create());
            cockpit.setOpenInNewBrowserTab(true);
            nav.addItem(cockpit);
        }
        return nav;
    }
}
