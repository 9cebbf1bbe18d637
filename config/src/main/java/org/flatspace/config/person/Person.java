package org.flatspace.config.person;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "person")
class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "team_id")
    private long teamId;

    private String email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private boolean enabled = true;

    protected Person() {
    }

    Person(String username, String displayName, String email, String passwordHash, long teamId, Set<Role> roles) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.teamId = teamId;
        this.roles = EnumSet.copyOf(roles);
    }

    String username() {
        return username;
    }

    long teamId() {
        return teamId;
    }

    Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    boolean enabled() {
        return enabled;
    }

    void changeTeam(long teamId) {
        this.teamId = teamId;
    }

    void changeRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /** A new hash of the same password (a stronger cost or algorithm), on sign-in. */
    void rehash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    PersonAccount toAccount() {
        return new PersonAccount(id, username, displayName, email, passwordHash, teamId, roles, enabled);
    }
}
