package org.flatspace.portal.people;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.flatspace.config.InvalidInputException;
import org.flatspace.config.person.NewPerson;
import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.PersonAdminService;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.config.team.TeamService;
import org.flatspace.portal.i18n.Texts;
import org.flatspace.portal.layout.MainLayout;
import org.flatspace.portal.security.CurrentUser;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Teams and their people, for administrators: add a team; find, add and change people. The
 * service checks everything and audits every change; its messages appear next to the fields.
 */
@Route(value = "admin/people", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class PeopleAdminView extends VerticalLayout implements HasDynamicTitle {

    private final PersonAdminService people;
    private final TeamService teams;
    private final PasswordEncoder passwords;
    private final String admin;
    private final Grid<TeamInfo> teamGrid = new Grid<>();
    private final Grid<PersonAccount> peopleGrid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<TeamInfo> teamFilter = new ComboBox<>();
    private final NewPersonForm newPerson = new NewPersonForm();
    private final PersonEditor editor = new PersonEditor();
    private Map<Long, TeamInfo> teamsById = Map.of();
    private Map<Long, Long> headcounts = Map.of();

    public PeopleAdminView(PersonAdminService people, TeamService teams, PasswordEncoder passwords,
                           CurrentUser currentUser) {
        this.people = people;
        this.teams = teams;
        this.passwords = passwords;
        this.admin = currentUser.get().getUsername();
        configureTeams();
        configurePeople();
        newPerson.addCreateListener(e -> create(e.person()));
        editor.addSaveListener(e -> change(() -> people.change(admin, e.username(), e.teamId(), e.roles()),
                getTranslation("people.saved", e.username())));
        editor.addEnableListener(e -> change(() -> e.enabled() ? people.enable(admin, e.username())
                : people.disable(admin, e.username()),
                getTranslation(e.enabled() ? "people.enabled" : "people.disabled", e.username())));
        setMaxWidth("80rem");
        add(new H2(getTranslation("people.title")), new H3(getTranslation("people.teams.title")), teamGrid, teamForm(),
                new H3(getTranslation("people.people.title")), new HorizontalLayout(search, teamFilter), peopleGrid,
                editor, new H3(getTranslation("people.new.title")), newPerson);
        refreshTeams();
    }

    private void configureTeams() {
        teamGrid.setId("teams");
        teamGrid.addColumn(TeamInfo::name).setHeader(getTranslation("people.teams.column.name"));
        teamGrid.addColumn(t -> headcounts.getOrDefault(t.id(), 0L))
                .setHeader(getTranslation("people.teams.column.people"));
        teamGrid.addComponentColumn(this::filterButton).setAutoWidth(true).setFlexGrow(0);
        teamGrid.setAllRowsVisible(true);
        teamGrid.setEmptyStateText(getTranslation("people.teams.empty"));
        teamGrid.addItemClickListener(e -> teamFilter.setValue(e.getItem()));
    }

    private HorizontalLayout teamForm() {
        TextField name = new TextField(getTranslation("people.team.name"));
        name.setId("team-name");
        Button add = new Button(getTranslation("people.team.add"), e -> {
            try {
                TeamInfo team = teams.create(admin, name.getValue());
                name.clear();
                name.setInvalid(false);
                notify(getTranslation("people.team.added", team.name()));
                refreshTeams();
            } catch (InvalidInputException refused) {
                name.setErrorMessage(refused.fieldErrors().get("name"));
                name.setInvalid(true);
            }
        });
        add.setId("add-team");
        add.addClickShortcut(Key.ENTER).listenOn(name);
        HorizontalLayout form = new HorizontalLayout(name, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private void configurePeople() {
        search.setId("people-search");
        search.setPlaceholder(getTranslation("people.search.placeholder"));
        search.setAriaLabel(getTranslation("people.search.label"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refreshPeople());
        teamFilter.setId("people-team");
        teamFilter.setPlaceholder(getTranslation("people.team-filter.placeholder"));
        teamFilter.setAriaLabel(getTranslation("people.team-filter.label"));
        teamFilter.setItemLabelGenerator(TeamInfo::name);
        teamFilter.setClearButtonVisible(true);
        teamFilter.addValueChangeListener(e -> refreshPeople());
        peopleGrid.setId("people");
        peopleGrid.addColumn(PersonAccount::username).setHeader(getTranslation("people.column.username"))
                .setAutoWidth(true);
        peopleGrid.addColumn(PersonAccount::displayName).setHeader(getTranslation("people.column.name"))
                .setAutoWidth(true);
        peopleGrid.addColumn(PersonAccount::email).setHeader(getTranslation("people.column.email")).setAutoWidth(true);
        peopleGrid.addColumn(p -> teamName(p.teamId())).setHeader(getTranslation("people.column.team"))
                .setAutoWidth(true);
        peopleGrid.addColumn(p -> p.roles().stream().sorted().map(Texts::name)
                        .collect(Collectors.joining(getTranslation("common.list-separator"))))
                .setHeader(getTranslation("people.column.roles")).setAutoWidth(true);
        peopleGrid.addColumn(p -> getTranslation(p.enabled() ? "people.status.active" : "people.status.disabled"))
                .setHeader(getTranslation("people.column.status")).setAutoWidth(true);
        peopleGrid.addComponentColumn(this::editButton).setAutoWidth(true).setFlexGrow(0);
        peopleGrid.setEmptyStateText(getTranslation("people.empty"));
        peopleGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        peopleGrid.setHeight("24rem");
        peopleGrid.asSingleSelect().addValueChangeListener(e -> editor.edit(e.getValue(),
                e.getValue() == null ? null : teamsById.get(e.getValue().teamId())));
    }

    private void create(NewPerson person) {
        try {
            PersonAccount created = people.create(admin, person, passwords::encode);
            newPerson.clear();
            notify(getTranslation("people.created", created.username()));
            refreshHeadcounts();
            refreshPeople();
        } catch (InvalidInputException refused) {
            newPerson.showErrors(refused.fieldErrors());
        }
    }

    private void change(Supplier<PersonAccount> change, String done) {
        try {
            PersonAccount changed = change.get();
            notify(done);
            refreshHeadcounts();
            refreshPeople();
            peopleGrid.select(changed);
        } catch (InvalidInputException refused) {
            editor.showErrors(refused.fieldErrors());
        }
    }

    /** Filters the people by a team from the keyboard too: a button in the row, not only a click on it. */
    private Button filterButton(TeamInfo team) {
        Button filter = new Button(getTranslation("people.teams.filter"), e -> teamFilter.setValue(team));
        filter.getElement().setAttribute("aria-label", getTranslation("people.teams.filter.label", team.name()));
        filter.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return filter;
    }

    /** Opens a person in the editor from the keyboard too. */
    private Button editButton(PersonAccount person) {
        Button edit = new Button(getTranslation("people.edit"), e -> peopleGrid.select(person));
        edit.getElement().setAttribute("aria-label", getTranslation("people.edit.label", person.username()));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return edit;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("people.title"));
    }

    private void refreshTeams() {
        List<TeamInfo> all = teams.teamsByName();
        teamsById = all.stream().collect(Collectors.toMap(TeamInfo::id, Function.identity()));
        headcounts = people.headcounts();
        teamGrid.setItems(all);
        teamFilter.setItems(all);
        newPerson.setTeams(all);
        editor.setTeams(all);
        refreshPeople();
    }

    private void refreshHeadcounts() {
        headcounts = people.headcounts();
        teamGrid.getDataProvider().refreshAll();
    }

    private void refreshPeople() {
        String text = search.getValue();
        Long teamId = teamFilter.getValue() == null ? null : teamFilter.getValue().id();
        peopleGrid.setItems(query -> people.find(text, teamId, query.getOffset(), query.getLimit()).stream(),
                query -> (int) people.count(text, teamId));
        editor.edit(null, null);
    }

    private String teamName(long teamId) {
        TeamInfo team = teamsById.get(teamId);
        return team == null ? "" : team.name();
    }

    private static void notify(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
