package org.flatspace.provisioning.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.flatspace.provisioning.placement.PlacementWeights;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PlacementPropertiesTest {

    @Test
    void withoutSettings_placementSpreads() {
        assertThat(bind(Map.of()).toWeights()).isEqualTo(PlacementWeights.SPREAD);
    }

    @Test
    void anAdministratorCanSwitchToPacking() {
        PlacementProperties packing = bind(Map.of("flatspace.placement.weights.spread", "0",
                "flatspace.placement.weights.pack", "1", "flatspace.placement.weights.balance", "0.1"));

        assertThat(packing.toWeights()).isEqualTo(PlacementWeights.PACK);
    }

    @Test
    void aNegativeWeight_stopsTheStartWithTheSettingNamed() {
        PlacementProperties wrong = bind(Map.of("flatspace.placement.weights.soft-spread", "-1"));

        assertThatThrownBy(wrong::toWeights).isInstanceOf(IllegalStateException.class)
                .hasMessage("flatspace.placement.weights: Placement weights are 0 or more");
    }

    private static PlacementProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("flatspace.placement", PlacementProperties.class);
    }
}
