package org.flatspace.config.person;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, Long> {

    // a query string, not a derived query: Hibernate keeps its translation (a derived, criteria
    // query is translated again on every call), and this runs for every sign-in, token and mail
    @Query("select p from Person p where p.username = :username")
    Optional<Person> findByUsername(@Param("username") String username);

    List<Person> findByTeamIdOrderByUsername(long teamId);

    /** Pairs of team id and how many people it has. */
    @Query("select p.teamId, count(p) from Person p group by p.teamId")
    List<Object[]> headcounts();
}
