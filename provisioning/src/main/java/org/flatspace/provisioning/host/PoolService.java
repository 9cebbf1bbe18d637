package org.flatspace.provisioning.host;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.flatspace.provisioning.hypervisor.LibvirtUri;
import org.flatspace.provisioning.placement.Demand;
import org.flatspace.provisioning.placement.HostCapacity;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pool of hosts. Reading hosts and registering them are administrators' actions (the portal
 * checks the role); the capacity snapshot and allocation are for provisioning itself.
 */
@Service
@Transactional(readOnly = true)
public class PoolService {

    private static final int FEW_HOSTS = 16;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final HostRepository hosts;
    private final JdbcClient jdbc;

    PoolService(HostRepository hosts, JdbcClient jdbc) {
        this.hosts = hosts;
        this.jdbc = jdbc;
    }

    public List<HostView> hosts() {
        return hosts.findAllByOrderByName().stream().map(Host::toView).toList();
    }

    /**
     * One page of hosts, sorted in the database by {@code order} and then by name, for lists over
     * a large pool. {@code offset} is a multiple of {@code limit}, as a grid asks for its pages.
     */
    public List<HostView> hosts(int offset, int limit, HostOrder order, boolean descending) {
        if (limit < 1 || offset < 0 || offset % limit != 0) {
            throw new IllegalArgumentException("A page of hosts starts at a multiple of its size; asked for "
                    + limit + " from " + offset);
        }
        Sort sort = Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, order.property());
        if (order != HostOrder.NAME) {
            sort = sort.and(Sort.by("name"));
        }
        return hosts.findAllBy(PageRequest.of(offset / limit, limit, sort)).stream().map(Host::toView).toList();
    }

    /** How many hosts the pool has. */
    public long count() {
        return hosts.count();
    }

    /**
     * Every host's state as the database has it now, read with SQL: a caller that changed states in
     * its own transaction sees them, which entities it loaded before would not show.
     */
    public java.util.Map<Long, HostState> states() {
        java.util.Map<Long, HostState> states = new java.util.HashMap<>();
        jdbc.sql("select id, state from host").query((rs, n) -> states.put(rs.getLong(1),
                HostState.valueOf(rs.getString(2)))).list();
        return states;
    }

    /**
     * The names of these hosts by id; ids of hosts that do not exist are left out. A few hosts are
     * read one by one (Hibernate keeps those reads' translation, not that of a query with a list
     * parameter), many in one query.
     */
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.size() <= FEW_HOSTS) {
            Map<Long, String> names = new HashMap<>();
            ids.forEach(id -> hosts.findById(id).ifPresent(h -> names.put(id, h.toView().name())));
            return names;
        }
        return hosts.findAllByIdIn(ids).stream().map(Host::toView).collect(Collectors.toMap(HostView::id, HostView::name));
    }

    public Optional<HostView> host(long id) {
        return hosts.findById(id).map(Host::toView);
    }

    public Optional<HostView> hostNamed(String name) {
        return hosts.findByName(name).map(Host::toView);
    }

    @Transactional
    public HostView register(HostRegistration registration) {
        validate(registration);
        validatePlacementFacts(registration);
        if (hosts.findByName(registration.name()).isPresent()) {
            throw new IllegalArgumentException("A host named " + registration.name() + " is already in the pool");
        }
        return hosts.save(new Host(registration)).toView();
    }

    /** Every host as placement sees it, in name order. */
    public List<HostCapacity> capacitySnapshot() {
        return hosts().stream()
                .map(h -> new HostCapacity(h.id(), h.name(), h.state().name(), h.type().name(), h.faultDomain(),
                        h.tags(), h.cpuOvercommit(), h.vcpuLimit(), h.memoryLimitMib(), h.diskLimitGib(),
                        h.allocVcpu(), h.allocMemoryMib(), h.allocDiskGib()))
                .toList();
    }

    /**
     * Allocates the demand on the host if it is active and still has room, in the caller's
     * transaction. A single conditional update: false means another placement got there first (or
     * the host left ACTIVE), and the caller should plan again. Room is counted as placement counts
     * it ({@link HostCapacity#limit}): capacity less the host's overhead, times the overcommit
     * ratio, per resource.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryAllocate(long hostId, Demand demand) {
        return jdbc.sql("""
                        update host set alloc_vcpu = alloc_vcpu + :vcpu, alloc_memory_mib = alloc_memory_mib + :memory,
                          alloc_disk_gib = alloc_disk_gib + :disk
                        where id = :host and state = 'ACTIVE'
                          and alloc_vcpu + :vcpu <= floor((cpus - reserved_cpus) * cpu_overcommit)
                          and alloc_memory_mib + :memory <= floor((memory_mib - reserved_memory_mib) * memory_overcommit)
                          and alloc_disk_gib + :disk <= floor((disk_gib - reserved_disk_gib) * disk_overcommit)""")
                .paramSource(params(hostId, demand)).update() == 1;
    }

    /**
     * Marks an ACTIVE host DOWN because it stopped answering; a host in MAINTENANCE is left as the
     * administrator put it. One conditional update; false if the host was not ACTIVE.
     */
    @Transactional
    public boolean markDown(long hostId) {
        return jdbc.sql("update host set state = 'DOWN' where id = :host and state = 'ACTIVE'")
                .param("host", hostId).update() == 1;
    }

    /**
     * Marks a DOWN host ACTIVE again because it answers. False if the host was not DOWN, or if it
     * was fenced: instances may have been restarted elsewhere meanwhile, so a fenced host comes back
     * through {@link #returnFromFencing} once what it still runs has been cleaned up.
     */
    @Transactional
    public boolean markAnswering(long hostId) {
        return jdbc.sql("update host set state = 'ACTIVE' where id = :host and state = 'DOWN' and fenced_at is null")
                .param("host", hostId).update() == 1;
    }

    /**
     * Records that a DOWN host is really off (an administrator confirmed it, or the fence command
     * did), which allows its instances to be started elsewhere. False if the host is not DOWN.
     */
    @Transactional
    public boolean fence(long hostId) {
        return jdbc.sql("update host set fenced_at = :now where id = :host and state = 'DOWN' and fenced_at is null")
                .param("host", hostId).param("now", java.sql.Timestamp.from(java.time.Instant.now())).update() == 1;
    }

    /** Whether the host was fenced and has not come back yet. */
    @Transactional(readOnly = true)
    public boolean fenced(long hostId) {
        return jdbc.sql("select count(*) from host where id = :host and fenced_at is not null")
                .param("host", hostId).query(Integer.class).single() > 0;
    }

    /**
     * A fenced host answers again and has been cleaned up: it goes to MAINTENANCE, not straight
     * back into placement, so that an administrator looks at it first. False if it was not fenced.
     */
    @Transactional
    public boolean returnFromFencing(long hostId) {
        return jdbc.sql("""
                        update host set state = 'MAINTENANCE', fenced_at = null
                        where id = :host and state = 'DOWN' and fenced_at is not null""")
                .param("host", hostId).update() == 1;
    }

    /**
     * Moves the host from one state to another in one conditional update, so that two
     * administrators (or an administrator and the health check) cannot both act on the same state.
     * False if the host was not in {@code from}.
     */
    @Transactional
    public boolean changeState(long hostId, HostState from, HostState to) {
        return jdbc.sql("update host set state = :to where id = :host and state = :from")
                .param("host", hostId).param("from", from.name()).param("to", to.name()).update() == 1;
    }

    /** Gives the demand back to the host, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void free(long hostId, Demand demand) {
        jdbc.sql("""
                        update host set alloc_vcpu = alloc_vcpu - :vcpu, alloc_memory_mib = alloc_memory_mib - :memory,
                          alloc_disk_gib = alloc_disk_gib - :disk
                        where id = :host""")
                .paramSource(params(hostId, demand)).update();
    }

    private static MapSqlParameterSource params(long hostId, Demand d) {
        return new MapSqlParameterSource().addValue("host", hostId).addValue("vcpu", d.vcpu())
                .addValue("memory", d.memoryMib()).addValue("disk", d.diskGib());
    }

    /** The address must be one libvirt understands, and for the driver of the host's hypervisor type. */
    private static void validateAddress(HostRegistration r) {
        String driver = LibvirtUri.driverOf(r.uri());
        if (!r.type().reachedThrough(driver)) {
            throw new IllegalArgumentException("A " + r.type() + " host is not reached through libvirt's " + driver
                    + " driver: check the hypervisor type or the address");
        }
    }

    /** What placement reads: overcommit per resource, the host's own overhead, its tags. */
    private static void validatePlacementFacts(HostRegistration r) {
        if (r.memoryOvercommit() < 1.0 || r.memoryOvercommit() > 4.0) {
            throw new IllegalArgumentException("Memory overcommit is a ratio from 1.0 to 4.0");
        }
        if (r.diskOvercommit() < 1.0 || r.diskOvercommit() > 16.0) {
            throw new IllegalArgumentException("Disk overcommit is a ratio from 1.0 to 16.0");
        }
        HostOverhead reserved = r.reserved();
        if (reserved.cpus() >= r.cpus() || reserved.memoryMib() >= r.memoryMib()
                || (reserved.diskGib() > 0 && reserved.diskGib() >= r.diskGib())) {
            throw new IllegalArgumentException(
                    "The overhead reserved for the host must leave some of its CPUs, memory and disk for instances");
        }
        if (r.tags().size() > 20) {
            throw new IllegalArgumentException("A host has at most 20 tags");
        }
        for (String tag : r.tags()) {
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("A host tag is 1-40 lower-case letters, digits, '.', '_' or '-': "
                        + tag);
            }
        }
    }

    private static void validate(HostRegistration r) {
        if (r.name() == null || !HOST_NAME.matcher(r.name()).matches()) {
            throw new IllegalArgumentException(
                    "A host name is 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (r.type() == null) {
            throw new IllegalArgumentException("A host needs a hypervisor type");
        }
        validateAddress(r);
        if (r.cpus() < 1 || r.memoryMib() < 1 || r.diskGib() < 0) {
            throw new IllegalArgumentException("A host needs at least 1 CPU and some memory");
        }
        if (r.cpuOvercommit() < 1.0 || r.cpuOvercommit() > 16.0) {
            throw new IllegalArgumentException("CPU overcommit is a ratio from 1.0 to 16.0");
        }
    }
}
