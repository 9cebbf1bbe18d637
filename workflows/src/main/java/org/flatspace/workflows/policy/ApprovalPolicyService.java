package org.flatspace.workflows.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.audit.AuditService;
import org.flatspace.config.person.Role;
import org.flatspace.workflows.Actor;
import org.flatspace.workflows.NotAllowedException;
import org.springframework.stereotype.Service;

/**
 * Reads and replaces the approval policy. Reading is open to managers and admins; replacing is for
 * admins only. A replacement must parse, hold a decision {@value #DECISION_KEY} whose output
 * {@value #OUTPUT} is always one of {@link #OUTCOMES}, and give such an answer for every sample
 * request tried here; otherwise it is refused with the reason and the active policy stays. Every
 * replacement is audited ({@code policy.replace}), refused ones with the reason.
 */
@Service
public class ApprovalPolicyService {

    static final String DECISION_KEY = "approval-policy";
    static final String OUTPUT = "approval";
    static final Set<String> OUTCOMES = Set.of("AUTO", "MANAGER", "MANAGER_THEN_ADMIN");
    private static final String OBJECT = "policy:" + DECISION_KEY;
    /** The largest policy file accepted, in bytes. */
    public static final int MAX_SIZE = 256 * 1024;

    /** Requests of every shape the policy must answer: small and large, short and long, each tier. */
    private static final List<Map<String, Object>> SAMPLES = List.of(
            sample("bronze", 1, 1024, 1), sample("silver", 4, 8192, 90), sample("gold", 16, 65536, 365),
            sample("gold", 64, 262144, 1000), sample("other", 33, 1, 30));

    private final RepositoryService repository;
    private final AuditService audit;
    private final DmnEngine checker = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    ApprovalPolicyService(RepositoryService repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** Every version, newest (the active one) first. */
    public List<PolicyVersion> versions(Actor actor) {
        if (!actor.is(Role.ADMIN) && !actor.is(Role.MANAGER)) {
            throw new NotAllowedException("Only managers and admins can read the approval policy");
        }
        List<DecisionDefinition> all = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .list().stream().sorted(Comparator.comparingInt(DecisionDefinition::getVersion).reversed()).toList();
        return all.stream().map(d -> {
            Deployment deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
            return new PolicyVersion(d.getVersion(), deployment.getName() == null ? deployment.getSource()
                    : deployment.getName(), deployment.getDeploymentTime().toInstant(), d == all.get(0));
        }).toList();
    }

    /** The active policy's DMN, for download and editing. */
    public String activeDmn(Actor actor) {
        versions(actor);
        DecisionDefinition active = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        try (InputStream in = repository.getResourceAsStream(active.getDeploymentId(), active.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the DMN and, if it works, makes it the active policy. Admins only. */
    public PolicyVersion replace(Actor actor, String fileName, byte[] dmn) {
        if (!actor.is(Role.ADMIN)) {
            throw new NotAllowedException("Only admins can replace the approval policy");
        }
        try {
            check(dmn);
        } catch (InvalidPolicyException e) {
            audit.record(actor.username(), null, "policy.replace", OBJECT, AuditOutcome.FAILED,
                    "file " + fileName + " refused: " + e.getMessage());
            throw e;
        }
        repository.createDeployment().name("approval policy " + fileName + " by " + actor.username())
                .source("admin " + actor.username())
                .addInputStream("approval-policy.dmn", new ByteArrayInputStream(dmn)).deploy();
        PolicyVersion active = versions(actor).get(0);
        audit.record(actor.username(), null, "policy.replace", OBJECT, AuditOutcome.SUCCESS,
                "version " + active.version() + " from file " + fileName + " is the active policy");
        return active;
    }

    private void check(byte[] dmn) {
        if (dmn == null || dmn.length == 0) {
            throw new InvalidPolicyException("The file is empty: upload a DMN file");
        }
        if (dmn.length > MAX_SIZE) {
            throw new InvalidPolicyException("The file is larger than " + MAX_SIZE / 1024 + " KiB");
        }
        DmnDecision decision = parse(dmn).stream().filter(d -> DECISION_KEY.equals(d.getKey())).findFirst()
                .orElseThrow(() -> new InvalidPolicyException(
                        "The file has no decision with the id \"" + DECISION_KEY + "\""));
        for (Map<String, Object> sample : SAMPLES) {
            String answer = evaluate(decision, sample);
            if (!OUTCOMES.contains(answer)) {
                throw new InvalidPolicyException("For " + sample + " the decision answers " + answer + "; its output \""
                        + OUTPUT + "\" must be one of " + OUTCOMES + " for every request");
            }
        }
    }

    private List<DmnDecision> parse(byte[] dmn) {
        try {
            return checker.parseDecisions(new ByteArrayInputStream(dmn));
        } catch (RuntimeException e) {
            throw new InvalidPolicyException("The file is not a DMN decision this engine can read: " + e.getMessage());
        }
    }

    private String evaluate(DmnDecision decision, Map<String, Object> sample) {
        DmnDecisionResult result;
        try {
            result = checker.evaluateDecision(decision, sample);
        } catch (RuntimeException e) {
            throw new InvalidPolicyException("The decision fails for " + sample + ": " + e.getMessage());
        }
        if (result.isEmpty() || result.get(0).get(OUTPUT) == null) {
            return "nothing (no rule matched, or no output named \"" + OUTPUT + "\")";
        }
        return String.valueOf(result.get(0).get(OUTPUT));
    }

    private static Map<String, Object> sample(String tier, int vcpu, long memoryMib, int leaseDays) {
        return Map.of("tier", tier, "totalVcpu", vcpu, "totalMemoryMib", memoryMib, "leaseDays", leaseDays,
                "team", "sample");
    }
}
