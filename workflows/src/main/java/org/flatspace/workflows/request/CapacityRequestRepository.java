package org.flatspace.workflows.request;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CapacityRequestRepository extends JpaRepository<CapacityRequest, Long> {

    List<CapacityRequest> findByTeamIdOrderByIdDesc(long teamId);

    List<CapacityRequest> findByTeamIdOrderByIdDesc(long teamId, Pageable page);

    long countByTeamId(long teamId);

    // query strings, not derived queries: Hibernate keeps the translation of a string (see the README)
    @Query("select r from CapacityRequest r where r.teamId = :team and r.functionId = :function order by r.id desc")
    List<CapacityRequest> findByFunction(@Param("team") long teamId, @Param("function") long functionId,
                                         Pageable page);

    @Query("select count(r) from CapacityRequest r where r.teamId = :team and r.functionId = :function")
    long countByFunction(@Param("team") long teamId, @Param("function") long functionId);

    /** Per business function of the team: its requests in the status, their instances, the nearest lease end. */
    @Query("select r.functionName, count(r), sum(r.count), min(r.leaseEnd) from CapacityRequest r"
            + " where r.teamId = :team and r.status = :status group by r.functionName")
    List<Object[]> capacityByFunction(@Param("team") long teamId, @Param("status") RequestStatus status);
}
