package org.flatspace.config.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BusinessFunctionRepository extends JpaRepository<BusinessFunction, Long> {

    List<BusinessFunction> findByTeamIdOrderByName(long teamId);
}
