package org.flatspace.workflows.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.config.catalog.SizeInfo;
import org.flatspace.config.catalog.TierInfo;
import org.flatspace.config.person.Role;
import org.flatspace.provisioning.TestDriverHosts;
import org.flatspace.provisioning.host.HostView;
import org.flatspace.provisioning.host.PoolService;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.flatspace.workflows.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Admins ask whether the pool could take some capacity; nothing is allocated by asking. */
@SpringBootTest
class WhatIfServiceIT {

    private static final Actor ADMIN = new Actor("ada", 1, EnumSet.of(Role.ADMIN));

    @TempDir
    static Path hostFiles;

    @Autowired
    WhatIfService whatIf;
    @Autowired
    CatalogService catalog;
    @Autowired
    PoolService pool;

    @Test
    void capacityThatFits_isPlacedOnNamedHosts_andNothingIsAllocated() {
        TestDriverHosts.register(pool, hostFiles, 64, 262144, 10000);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        SizeInfo small = catalog.createSize("whatif-small-" + suffix, 1, 1024, 10);
        TierInfo bronze = catalog.createTier("whatif-" + suffix, false, false, false, 4.0);
        List<HostView> before = pool.hosts();

        WhatIfAnswer answer = whatIf.ask(ADMIN, 3, small.id(), bronze.id());

        assertThat(answer.fits()).isTrue();
        assertThat(answer.explanation()).startsWith("Yes: the pool can take 3 x whatif-small-" + suffix);
        assertThat(answer.instancesPerHost().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(pool.hosts()).isEqualTo(before);
    }

    @Test
    void capacityThatDoesNotFit_isExplainedPerReason() {
        // an active host of its own: other tests may have left every other host down or in maintenance
        TestDriverHosts.register(pool, hostFiles, 64, 262144, 10000);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        SizeInfo huge = catalog.createSize("whatif-huge-" + suffix, 4096, 1024, 10);
        TierInfo bronze = catalog.createTier("whatif-no-" + suffix, false, false, false, 4.0);

        WhatIfAnswer answer = whatIf.ask(ADMIN, 2, huge.id(), bronze.id());

        assertThat(answer.fits()).isFalse();
        assertThat(answer.explanation()).startsWith("No: the pool cannot take 2 x whatif-huge-" + suffix)
                .contains("vCPU");
        assertThat(answer.instancesPerHost()).isEmpty();
    }

    @Test
    void onlyAdminsAsk_andBadInputNamesTheField() {
        assertThatThrownBy(() -> whatIf.ask(new Actor("paul", 1, EnumSet.of(Role.MANAGER)), 1, 1L, 1L))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> whatIf.ask(ADMIN, 0, null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("count", "size", "tier"));
    }
}
