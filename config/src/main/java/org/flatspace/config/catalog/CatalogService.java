package org.flatspace.config.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sizes, tiers and business functions. Reading sizes and tiers is open to every signed-in caller;
 * a team's functions are read for that team only (the caller passes the team it is acting for).
 * Creating entries is an administrator's action, checked by the caller in front of it.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final SizeRepository sizes;
    private final ServiceTierRepository tiers;
    private final BusinessFunctionRepository functions;

    CatalogService(SizeRepository sizes, ServiceTierRepository tiers, BusinessFunctionRepository functions) {
        this.sizes = sizes;
        this.tiers = tiers;
        this.functions = functions;
    }

    public List<SizeInfo> sizes() {
        return sizes.findAllByOrderByVcpuAscMemoryMibAsc().stream().map(Size::toInfo).toList();
    }

    public Optional<SizeInfo> size(long id) {
        return sizes.findById(id).map(Size::toInfo);
    }

    public List<TierInfo> tiers() {
        return tiers.findAllByOrderByName().stream().map(ServiceTier::toInfo).toList();
    }

    public List<FunctionInfo> functionsOf(long teamId) {
        return functions.findByTeamIdOrderByName(teamId).stream().map(BusinessFunction::toInfo).toList();
    }

    /** The function with this id, only if it belongs to the given team. */
    public Optional<FunctionInfo> functionOf(long teamId, long functionId) {
        return functions.findById(functionId).map(BusinessFunction::toInfo).filter(f -> f.teamId() == teamId);
    }

    /**
     * The function with this id, whichever team's: for a caller that checks itself who may see it
     * (a team its own, administrators every team's).
     */
    public Optional<FunctionInfo> function(long functionId) {
        return functions.findById(functionId).map(BusinessFunction::toInfo);
    }

    @Transactional
    public SizeInfo createSize(String name, int vcpu, long memoryMib, long diskGib) {
        requireName(name, "size");
        if (vcpu < 1 || memoryMib < 1 || diskGib < 0) {
            throw new IllegalArgumentException("A size needs at least 1 vCPU and 1 MiB of memory, and no negative disk");
        }
        return sizes.save(new Size(name.strip(), vcpu, memoryMib, diskGib)).toInfo();
    }

    @Transactional
    public TierInfo createTier(String name, boolean spreadAcrossFaultDomains, boolean restartOnHostFailure,
                               boolean liveMigration, double maxCpuOvercommit) {
        requireName(name, "tier");
        if (maxCpuOvercommit < 1.0) {
            throw new IllegalArgumentException("CPU overcommit is a ratio of at least 1.0");
        }
        return tiers.save(new ServiceTier(name.strip(), spreadAcrossFaultDomains, restartOnHostFailure,
                liveMigration, maxCpuOvercommit)).toInfo();
    }

    @Transactional
    public FunctionInfo createFunction(long teamId, String name, long tierId) {
        requireName(name, "business function");
        ServiceTier tier = tiers.findById(tierId)
                .orElseThrow(() -> new IllegalArgumentException("There is no service tier " + tierId));
        return functions.save(new BusinessFunction(teamId, name.strip(), tier)).toInfo();
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("A " + what + " needs a name of 1 to 100 characters");
        }
    }
}
