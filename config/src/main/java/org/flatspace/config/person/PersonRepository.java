package org.flatspace.config.person;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByUsername(String username);

    List<Person> findByTeamIdOrderByUsername(long teamId);

    /** Pairs of team id and how many people it has. */
    @Query("select p.teamId, count(p) from Person p group by p.teamId")
    List<Object[]> headcounts();
}
