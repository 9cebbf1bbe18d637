package org.flatspace.provisioning.host;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HostRepository extends JpaRepository<Host, Long> {

    // query strings, not derived queries: Hibernate keeps a string's translation (see InstanceRepository)
    @Query("select h from Host h order by h.name")
    List<Host> findAllByOrderByName();

    @Query("select h from Host h where h.id in :ids")
    List<Host> findAllByIdIn(@Param("ids") Collection<Long> ids);

    List<Host> findAllBy(Pageable page);

    Optional<Host> findByName(String name);
}
