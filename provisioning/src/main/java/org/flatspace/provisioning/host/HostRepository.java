package org.flatspace.provisioning.host;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostRepository extends JpaRepository<Host, Long> {

    List<Host> findAllByOrderByName();

    List<Host> findAllBy(Pageable page);

    Optional<Host> findByName(String name);
}
