package org.flatspace.workflows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * Parses each FEEL expression of the deployed decisions once instead of at every evaluation.
 * Camunda's FEEL engine for DMN parses an input expression and every rule's unary tests again
 * each time a decision is evaluated; for the approval policy, evaluated for every request, that
 * was about 4% of the engine's CPU time in the request benchmark (workflows/README.md). The
 * evaluation itself is Camunda's: the same engine, the same variables, the same errors; only the
 * parsed form is kept, keyed by the expression's text. The cache is bounded: a policy has a few
 * dozen expressions, and when uploads of new versions have made it large it starts again.
 */
@Component
class FeelExpressionCache extends AbstractProcessEnginePlugin {

    static final int MAX_EXPRESSIONS = 5_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getDmnEngineConfiguration() != null) {
            return; // someone configured the DMN engine themselves: leave it as it is
        }
        DefaultDmnEngineConfiguration dmn =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(() -> new CachingFeelEngine(dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's Scala FEEL engine, with the parsed expressions kept. */
    static final class CachingFeelEngine extends ScalaFeelEngine {

        /** The name under which the FEEL engine looks up the variable that unary tests test. */
        private static final String INPUT_VARIABLE = "inputVariableName";

        private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> expressions =
                new ConcurrentHashMap<>();
        private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> unaryTests =
                new ConcurrentHashMap<>();

        CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
            ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
            Context context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new ContextVariableWrapper(variables);
                }
            };
            return (T) valueOf(feelEngine.eval(parsed, context));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
            ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
            VariableProvider input = new VariableProvider.StaticVariableProvider(
                    new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE, inputVariable));
            VariableProvider all = new VariableProvider.CompositeVariableProvider(
                    toScalaList(input, new ContextVariableWrapper(variables)));
            Context context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return all;
                }
            };
            return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
        }

        private static ParsedExpression parsed(
                Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> cache, String expression,
                Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse) {
            Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parsed = cache.get(expression);
            if (parsed == null) {
                if (cache.size() >= MAX_EXPRESSIONS) {
                    cache.clear();
                }
                parsed = parse.apply(expression);
                cache.put(expression, parsed);
            }
            return (ParsedExpression) valueOf(parsed);
        }

        /** The value, or Camunda's FeelException with the FEEL engine's message, as the engine throws it. */
        private static Object valueOf(Either<?, ?> result) {
            if (result instanceof Right<?, ?> right) {
                return right.value();
            }
            org.camunda.feel.FeelEngine.Failure failure =
                    (org.camunda.feel.FeelEngine.Failure) ((Left<?, ?>) result).value();
            throw LOGGER.evaluationException(failure.message());
        }
    }
}
