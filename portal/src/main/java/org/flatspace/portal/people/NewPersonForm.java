package org.flatspace.portal.people;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.flatspace.config.person.NewPerson;
import org.flatspace.config.person.PasswordRules;
import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamInfo;
import org.flatspace.portal.i18n.Texts;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/** A new person: the fields an administrator fills in. Fires a {@link CreateEvent}; shows the service's errors. */
class NewPersonForm extends FormLayout {

    /** The administrator asks to create this person. */
    static final class CreateEvent extends ComponentEvent<NewPersonForm> {

        private final NewPerson person;

        CreateEvent(NewPersonForm source, NewPerson person) {
            super(source, false);
            this.person = person;
        }

        NewPerson person() {
            return person;
        }
    }

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final EmailField email = new EmailField();
    private final ComboBox<TeamInfo> team = new ComboBox<>();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final PasswordField password = new PasswordField();
    private final Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName,
            "email", email, "team", team, "roles", roles, "password", password);

    NewPersonForm() {
        username.setLabel(getTranslation("people.new.username"));
        displayName.setLabel(getTranslation("people.new.name"));
        email.setLabel(getTranslation("people.new.email"));
        team.setLabel(getTranslation("people.new.team"));
        roles.setLabel(getTranslation("people.new.roles"));
        password.setLabel(getTranslation("people.new.password"));
        username.setId("new-username");
        username.setHelperText(getTranslation("people.new.username.helper"));
        displayName.setId("new-display-name");
        email.setId("new-email");
        team.setId("new-team");
        team.setItemLabelGenerator(TeamInfo::name);
        roles.setId("new-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Texts::name);
        roles.setValue(EnumSet.of(Role.REQUESTER));
        password.setId("new-password");
        password.setHelperText(PasswordRules.HINT);
        Button create = new Button(getTranslation("people.new.create"), e -> fireEvent(new CreateEvent(this,
                new NewPerson(username.getValue(), displayName.getValue(), email.getValue(),
                        team.getValue() == null ? null : team.getValue().id(), roles.getValue(),
                        password.getValue()))));
        create.setId("create-person");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // not from the team picker, where Enter picks a team
        create.addClickShortcut(Key.ENTER).listenOn(username, displayName, email, password);
        add(username, displayName, email, team, roles, password, create);
    }

    void setTeams(List<TeamInfo> teams) {
        team.setItems(teams);
    }

    /** The service's messages next to their fields; the others cleared. */
    void showErrors(Map<String, String> errors) {
        fields.forEach((name, field) -> {
            field.setErrorMessage(errors.get(name));
            field.setInvalid(errors.containsKey(name));
        });
    }

    /** Ready for the next person: empty, and the password gone from the page. */
    void clear() {
        username.clear();
        displayName.clear();
        email.clear();
        password.clear();
        roles.setValue(EnumSet.of(Role.REQUESTER));
        showErrors(Map.of());
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }
}
