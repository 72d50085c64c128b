package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the execution role SAM generates for a function without {@code Role}. Each entry of
 * {@code Policies} becomes a managed policy or an inline policy (a document with
 * {@code Statement}, or a SAM policy template, which {@link PolicyTemplateExpander} turns into
 * one). A managed policy is an ARN or intrinsic function as written, or the ARN of an AWS
 * managed policy that {@link ManagedPolicyNames} lists by its bare name; the translator keeps
 * other names as written. Repeated policies are listed once, as the translator lists them. An
 * {@code Fn::If} entry is kept whole, so both branches are checked, with a bare managed policy
 * name in a branch turned into its ARN.
 */
final class SamRoleBuilder {

    private static final String BASIC_EXECUTION =
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    private static final String BASIC_DURABLE_EXECUTION =
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicDurableExecutionRolePolicy";
    private static final String XRAY_WRITE = "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess";

    private static final String AWS_POLICY_PREFIX = "arn:aws:iam::aws:policy/";
    private static final String VPC_ACCESS =
            "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

    private final String functionId;
    private final SourceSpan span;
    private final MapNode properties;
    private final String condition;
    private final PolicyTemplateExpander templates;
    private final String service;
    private final List<String> extraPolicies;

    SamRoleBuilder(String functionId, SourceSpan span, MapNode properties, String condition,
            SamProblems problems) {
        this(functionId, span, properties, condition, problems, "lambda.amazonaws.com",
                List.of());
    }

    /**
     * Creates a builder for the role of {@code ownerId}, trusted by {@code service}.
     * {@code extraPolicies} are AWS managed policies, after {@code arn:aws:iam::aws:policy/},
     * that the owner's events require, such as a queue poller's.
     */
    SamRoleBuilder(String ownerId, SourceSpan span, MapNode properties, String condition,
            SamProblems problems, String service, List<String> extraPolicies) {
        this.functionId = ownerId;
        this.span = span;
        this.properties = properties;
        this.condition = condition;
        this.templates = new PolicyTemplateExpander(ownerId, problems);
        this.service = service;
        this.extraPolicies = extraPolicies;
    }

    Resource build() {
        MapNode.Entry policiesEntry = properties.entry("Policies");
        SourceSpan at = policiesEntry == null ? span : policiesEntry.keySpan();
        List<Node> managed = new ArrayList<>();
        boolean lambda = service.equals("lambda.amazonaws.com");
        if (lambda) {
            // A durable function gets the durable variant of the basic execution policy.
            managed.add(Nodes.text(properties.has("DurableConfig") ? BASIC_DURABLE_EXECUTION
                    : BASIC_EXECUTION, span));
        }
        if (properties.has("Tracing") && lambda) {
            managed.add(Nodes.text(XRAY_WRITE, properties.entry("Tracing").keySpan()));
        }
        if (properties.has("VpcConfig") && lambda) {
            managed.add(Nodes.text(VPC_ACCESS, properties.entry("VpcConfig").keySpan()));
        }
        for (String policy : extraPolicies) {
            managed.add(Nodes.text(AWS_POLICY_PREFIX + policy, span));
        }

        List<Node> inline = new ArrayList<>();
        if (policiesEntry != null) {
            Node policies = policiesEntry.value();
            List<Node> items = policies instanceof ListNode list ? list.items() : List.of(policies);
            for (Node item : items) {
                Node expanded = templates.expand(item);
                if (expanded != null) {
                    classify(expanded, managed, inline);
                }
            }
        }

        List<Node> inlinePolicies = new ArrayList<>();
        for (int i = 0; i < inline.size(); i++) {
            Node document = inline.get(i);
            inlinePolicies.add(Nodes.map(document.span(),
                    "PolicyName", Nodes.text(functionId + "RolePolicy" + i, document.span()),
                    "PolicyDocument", document));
        }

        Node trust = properties.get("AssumeRolePolicyDocument");
        MapNode role = Nodes.map(at,
                "AssumeRolePolicyDocument", trust != null ? trust : trust(service, span),
                "ManagedPolicyArns", Nodes.list(at, withoutRepeats(managed)),
                "Policies", inlinePolicies.isEmpty() ? null : Nodes.list(at, inlinePolicies),
                "PermissionsBoundary", properties.get("PermissionsBoundary"));
        return new Resource(functionId + "Role", "AWS::IAM::Role", role, at, condition,
                functionId);
    }

    /** Returns {@code policies} without a text that an earlier policy already has. */
    private static List<Node> withoutRepeats(List<Node> policies) {
        List<Node> unique = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node policy : policies) {
            if (policy.text() == null || seen.add(policy.text())) {
                unique.add(policy);
            }
        }
        return unique;
    }

    /** Returns the ARN SAM writes for a bare AWS managed policy name in its list, else the item. */
    private static Node managedPolicy(Node item) {
        String arn = item.text().contains(":") ? null : ManagedPolicyNames.arn(item.text());
        return arn == null ? item : Nodes.text(arn, item.span());
    }

    /**
     * Returns the {@code Fn::If} {@code item} with each branch that is a bare AWS managed
     * policy name replaced by its ARN, as the translator converts both branches.
     */
    private static Node withManagedPolicyBranches(Node item, ListNode parts) {
        if (parts == null || parts.size() != 3) {
            return item;
        }
        List<Node> converted = new ArrayList<>(parts.items());
        for (int i = 1; i < 3; i++) {
            if (converted.get(i).text() != null) {
                converted.set(i, managedPolicy(converted.get(i)));
            }
        }
        return Nodes.map(item.span(), "Fn::If", Nodes.list(parts.span(), converted));
    }

    private static void classify(Node item, List<Node> managed, List<Node> inline) {
        if (item.text() != null) {
            managed.add(managedPolicy(item));
            return;
        }
        String function = item.intrinsicName();
        if ("Fn::If".equals(function)) {
            ListNode parts = item.asMap().get("Fn::If").asList();
            List<Node> branches = parts == null || parts.size() != 3
                    ? List.of() : parts.items().subList(1, 3);
            boolean document = branches.stream().anyMatch(SamRoleBuilder::isDocument);
            boolean policyName = branches.stream().anyMatch(
                    branch -> !isDocument(branch) && !isNoValue(branch));
            // An If with a document in one branch and a policy name in the other goes to both
            // lists. Readers of inline policies skip a branch that is not a mapping with
            // Statement, and readers of ManagedPolicyArns use only text and references.
            if (document) {
                inline.add(item);
            }
            if (policyName || !document) {
                managed.add(withManagedPolicyBranches(item, parts));
            }
        } else if (function != null) {
            managed.add(item);
        } else if (item.asMap() != null && item.asMap().has("Statement")) {
            inline.add(item);
        }
    }

    private static boolean isDocument(Node node) {
        return node.asMap() != null && node.asMap().has("Statement");
    }

    private static boolean isNoValue(Node node) {
        return "Ref".equals(node.intrinsicName())
                && "AWS::NoValue".equals(node.asMap().getText("Ref"));
    }

    /** Returns a trust policy that lets {@code service} assume the role. */
    static MapNode trust(String service, SourceSpan span) {
        return Nodes.map(span,
                "Version", Nodes.text("2012-10-17", span),
                "Statement", Nodes.list(span, List.of(Nodes.map(span,
                        "Effect", Nodes.text("Allow", span),
                        "Principal", Nodes.map(span,
                                "Service", Nodes.text(service, span)),
                        "Action", Nodes.text("sts:AssumeRole", span)))));
    }

    /** Returns an inline policy entry that allows {@code action} on {@code resource}. */
    static MapNode inlinePolicy(String name, String action, Node resource, SourceSpan span) {
        return Nodes.map(span,
                "PolicyName", Nodes.text(name, span),
                "PolicyDocument", Nodes.map(span,
                        "Version", Nodes.text("2012-10-17", span),
                        "Statement", Nodes.list(span, List.of(Nodes.map(span,
                                "Effect", Nodes.text("Allow", span),
                                "Action", Nodes.text(action, span),
                                "Resource", resource)))));
    }
}
