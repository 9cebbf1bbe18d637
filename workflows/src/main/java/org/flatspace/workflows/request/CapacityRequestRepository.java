package org.flatspace.workflows.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CapacityRequestRepository extends JpaRepository<CapacityRequest, Long> {

    List<CapacityRequest> findByTeamIdOrderByIdDesc(long teamId);
}
