package org.flatspace.portal.people;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.flatspace.config.person.NewPerson;
import org.flatspace.config.person.PasswordRules;
import org.flatspace.config.person.Role;
import org.flatspace.config.team.TeamInfo;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
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

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Name");
    private final EmailField email = new EmailField("E-mail (optional)");
    private final ComboBox<TeamInfo> team = new ComboBox<>("Team");
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    private final PasswordField password = new PasswordField("Initial password");
    private final Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName,
            "email", email, "team", team, "roles", roles, "password", password);

    NewPersonForm() {
        username.setId("new-username");
        username.setHelperText("Lower-case letters, digits, '.', '_' or '-'");
        displayName.setId("new-display-name");
        email.setId("new-email");
        team.setId("new-team");
        team.setItemLabelGenerator(TeamInfo::name);
        roles.setId("new-roles");
        roles.setItems(Role.values());
        roles.setValue(EnumSet.of(Role.REQUESTER));
        password.setId("new-password");
        password.setHelperText(PasswordRules.HINT);
        Button create = new Button("Create person", e -> fireEvent(new CreateEvent(this, new NewPerson(
                username.getValue(), displayName.getValue(), email.getValue(),
                team.getValue() == null ? null : team.getValue().id(), roles.getValue(), password.getValue()))));
        create.setId("create-person");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
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
