package org.flatspace.config.team;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and creates teams. Reading is open to every signed-in caller (a team's name is not a
 * secret); creating is an administrator's action, checked by the caller in front of it.
 */
@Service
@Transactional(readOnly = true)
public class TeamService {

    private final TeamRepository teams;

    TeamService(TeamRepository teams) {
        this.teams = teams;
    }

    public List<TeamInfo> teams() {
        return teams.findAll().stream().map(Team::toInfo).toList();
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
}
