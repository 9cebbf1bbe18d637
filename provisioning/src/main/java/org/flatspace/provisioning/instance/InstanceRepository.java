package org.flatspace.provisioning.instance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InstanceRepository extends JpaRepository<Instance, UUID> {

    // JPQL rather than a derived query: Hibernate keeps the translation of a query string, while a
    // derived (criteria) query is translated again on every call, and this runs for every request
    @Query("select i from Instance i where i.orderKey = :orderKey order by i.name")
    List<Instance> findByOrderKeyOrderByName(@Param("orderKey") String orderKey);

    List<Instance> findByHostIdOrderByName(long hostId);

    @Query("select i from Instance i where i.functionId = :functionId and i.state in :states order by i.name")
    List<Instance> findByFunctionIdAndStateIn(@Param("functionId") long functionId,
                                              @Param("states") Collection<InstanceState> states);

    List<Instance> findByHostIdIsNotNull();

    List<Instance> findByHostIdIn(Collection<Long> hostIds);

    /** Unlinks the instance from its host; 0 means it was not on that host (already released). */
    @Modifying
    @Query("update Instance i set i.hostId = null, i.state = :end, i.lastError = :error,"
            + " i.updatedAt = :now where i.id = :id and i.hostId = :host")
    int releaseFromHost(@Param("id") UUID id, @Param("host") long host, @Param("end") InstanceState end,
                        @Param("error") String error, @Param("now") Instant now);
}
