package org.flatspace.portal.people;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.portal.i18n.Texts;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * One person's team and roles, and whether they may sign in. Fires a {@link SaveEvent} or an
 * {@link EnableEvent}; shows the service's errors next to the fields.
 */
class PersonEditor extends VerticalLayout {

    /** Give the person these roles and this team. */
    static final class SaveEvent extends ComponentEvent<PersonEditor> {

        private final String username;
        private final Long teamId;
        private final Set<Role> roles;

        SaveEvent(PersonEditor source, String username, Long teamId, Set<Role> roles) {
            super(source, false);
            this.username = username;
            this.teamId = teamId;
            this.roles = roles;
        }

        String username() {
            return username;
        }

        Long teamId() {
            return teamId;
        }

        Set<Role> roles() {
            return roles;
        }
    }

    /** Let the person sign in again ({@code enabled}), or not any more. */
    static final class EnableEvent extends ComponentEvent<PersonEditor> {

        private final String username;
        private final boolean enabled;

        EnableEvent(PersonEditor source, String username, boolean enabled) {
            super(source, false);
            this.username = username;
            this.enabled = enabled;
        }

        String username() {
            return username;
        }

        boolean enabled() {
            return enabled;
        }
    }

    private final H3 title = new H3();
    private final ComboBox<TeamInfo> team = new ComboBox<>();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final Button save = new Button();
    private final Button enable = new Button();
    private final Span error = new Span();
    private PersonAccount person;

    PersonEditor() {
        team.setLabel(getTranslation("people.edit.team"));
        roles.setLabel(getTranslation("people.edit.roles"));
        save.setText(getTranslation("people.edit.save"));
        team.setId("edit-team");
        team.setItemLabelGenerator(TeamInfo::name);
        roles.setId("edit-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Texts::name);
        save.setId("save-person");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, person.username(),
                team.getValue() == null ? null : team.getValue().id(), roles.getValue())));
        enable.setId("enable-person");
        enable.addClickListener(e -> fireEvent(new EnableEvent(this, person.username(), !person.enabled())));
        error.setId("person-error");
        error.addClassNames(LumoUtility.TextColor.ERROR);
        HorizontalLayout fields = new HorizontalLayout(team, roles);
        fields.setWrap(true);
        setPadding(false);
        add(title, fields, new HorizontalLayout(save, enable), error);
        setVisible(false);
    }

    void setTeams(List<TeamInfo> teams) {
        team.setItems(teams);
    }

    /** Shows the person, or hides the editor when null. */
    void edit(PersonAccount person, TeamInfo ofTeam) {
        this.person = person;
        setVisible(person != null);
        if (person == null) {
            return;
        }
        title.setText(getTranslation(person.enabled() ? "people.edit.title" : "people.edit.title.disabled",
                person.displayName(), person.username()));
        team.setValue(ofTeam);
        roles.setValue(person.roles());
        enable.setText(getTranslation(person.enabled() ? "people.edit.disable" : "people.edit.enable"));
        enable.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        if (person.enabled()) {
            enable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        showErrors(Map.of());
    }

    void showErrors(Map<String, String> errors) {
        team.setErrorMessage(errors.get("team"));
        team.setInvalid(errors.containsKey("team"));
        roles.setErrorMessage(errors.get("roles"));
        roles.setInvalid(errors.containsKey("roles"));
        error.setText(errors.getOrDefault("enabled", errors.getOrDefault("username", "")));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addEnableListener(ComponentEventListener<EnableEvent> listener) {
        return addListener(EnableEvent.class, listener);
    }
}
