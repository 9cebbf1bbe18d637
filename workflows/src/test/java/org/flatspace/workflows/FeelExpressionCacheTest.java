package org.flatspace.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The cached FEEL engine decides exactly as Camunda's own: the shipped approval policy over a grid
 * of requests gives the same approval kind with both, twice in a row (the second time from the
 * cache), and a broken expression fails with the same error.
 */
class FeelExpressionCacheTest {

    private final DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnEngine cached = cachedEngine();

    @Test
    void theShippedPolicyDecidesAsWithCamundasOwnEngine() throws Exception {
        DmnDecision withStock = policy(stock);
        DmnDecision withCache = policy(cached);
        List<String> kinds = new ArrayList<>();
        for (String tier : List.of("bronze", "silver", "gold")) {
            for (int vcpu : List.of(1, 8, 9, 32, 33)) {
                for (long memory : List.of(1024L, 131072L, 131073L)) {
                    for (int days : List.of(1, 183, 184)) {
                        Map<String, Object> inputs = Map.of("tier", tier, "totalVcpu", vcpu, "totalMemoryMib", memory,
                                "leaseDays", days, "team", "payroll");
                        Object expected = stock.evaluateDecisionTable(withStock, inputs).getSingleEntry();
                        assertThat((Object) cached.evaluateDecisionTable(withCache, inputs).getSingleEntry())
                                .as("%s", inputs).isEqualTo(expected);
                        assertThat((Object) cached.evaluateDecisionTable(withCache, inputs).getSingleEntry())
                                .as("again, from the cache: %s", inputs).isEqualTo(expected);
                        kinds.add((String) expected);
                    }
                }
            }
        }
        // the grid reaches every outcome, so the comparison covers each rule's tests
        assertThat(kinds).contains("AUTO", "MANAGER", "MANAGER_THEN_ADMIN");
    }

    @Test
    void aBrokenExpressionFailsAsCamundasOwnEngineFails() {
        var feel = new FeelExpressionCache.CachingFeelEngine(List.of());
        VariableContext variables = Variables.createVariables().putValue("x", 3).asVariableContext();
        assertThat(feel.evaluateSimpleUnaryTests("> 2", "x", variables)).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("> 2", "x",
                Variables.createVariables().putValue("x", 1).asVariableContext())).isFalse();
        assertThat((Object) feel.evaluateSimpleExpression("x + 1", variables)).isEqualTo(4L);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("> > 2", "x", variables))
                    .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse expression");
        }
    }

    private static DmnEngine cachedEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> new FeelExpressionCache.CachingFeelEngine(List.of()));
        return configuration.buildEngine();
    }

    private static DmnDecision policy(DmnEngine engine) throws Exception {
        try (InputStream dmn = FeelExpressionCacheTest.class.getResourceAsStream("/dmn/approval-policy.dmn")) {
            return engine.parseDecision("approval-policy", dmn);
        }
    }
}
