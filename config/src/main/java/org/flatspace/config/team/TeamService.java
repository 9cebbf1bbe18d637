package org.flatspace.config.team;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.flatspace.config.InvalidInputException;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and creates teams. Reading is open to every signed-in caller (a team's name is not a
 * secret); creating is an administrator's action, checked by the caller in front of it:
 * {@link #create(String, String)} checks the name and audits, {@link #create(String)} is for seeding.
 */
@Service
@Transactional(readOnly = true)
public class TeamService {

    static final int MAX_NAME = 100;

    private final TeamRepository teams;
    private final AuditService audit;

    TeamService(TeamRepository teams, AuditService audit) {
        this.teams = teams;
        this.audit = audit;
    }

    public List<TeamInfo> teams() {
        return teams.findAll().stream().map(Team::toInfo).toList();
    }

    /** Every team, by name. */
    public List<TeamInfo> teamsByName() {
        return teams().stream().sorted(Comparator.comparing(TeamInfo::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Optional<TeamInfo> team(long id) {
        return teams.findById(id).map(Team::toInfo);
    }

    public Optional<TeamInfo> teamNamed(String name) {
        return teams.findByName(name).map(Team::toInfo);
    }

    @Transactional
    public TeamInfo create(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A team needs a name");
        }
        return teams.save(new Team(name.strip())).toInfo();
    }

    /** An administrator creates a team; a blank, too long or taken name is refused for the field "name". */
    @Transactional
    public TeamInfo create(String admin, String name) {
        String wanted = name == null ? "" : name.strip();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("name", "Name the team");
        }
        if (wanted.length() > MAX_NAME || wanted.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "Use a name on one line, under " + MAX_NAME + " characters");
        }
        if (teams.findAll().stream().anyMatch(t -> t.toInfo().name().equalsIgnoreCase(wanted))) {
            throw new InvalidInputException("name", "There is a team named " + wanted + " already");
        }
        TeamInfo created = teams.saveAndFlush(new Team(wanted)).toInfo();
        audit.record(admin, null, "team.create", "team:" + wanted, AuditOutcome.SUCCESS, "team " + wanted + " created");
        return created;
    }
}
