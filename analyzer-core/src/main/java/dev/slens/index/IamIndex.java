package dev.slens.index;

import dev.slens.internal.sam.ManagedPolicyNames;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IAM permissions of a template: the policy documents and statements that apply to each
 * role, user and group, whichever resource they are written in, and the questions rules ask of
 * them. SAM {@code Policies}, policy templates included, are already part of the generated
 * {@code <Function>Role}, so they are read like any inline policy.
 */
public final class IamIndex {

    /** Standalone policy resources and the property that names the identities they attach to. */
    private static final Map<String, List<String>> POLICY_TARGETS = Map.of(
            "AWS::IAM::Policy", List.of("Roles", "Users", "Groups"),
            "AWS::IAM::ManagedPolicy", List.of("Roles", "Users", "Groups"),
            "AWS::IAM::RolePolicy", List.of("RoleName"),
            "AWS::IAM::UserPolicy", List.of("UserName"),
            "AWS::IAM::GroupPolicy", List.of("GroupName"));

    private static final List<String> POLICY_TYPES = List.of("AWS::IAM::Policy",
            "AWS::IAM::RolePolicy", "AWS::IAM::ManagedPolicy", "AWS::IAM::UserPolicy",
            "AWS::IAM::GroupPolicy");

    /** Identity types and the property that sets each one's literal name. */
    private static final Map<String, String> IDENTITY_NAMES = Map.of(
            "AWS::IAM::Role", "RoleName", "AWS::IAM::User", "UserName",
            "AWS::IAM::Group", "GroupName");

    private static final String AWS_MANAGED_ARN = ":iam::aws:policy/";

    private final Template template;
    private final Evaluator evaluator;
    /** Policy resources by the logical ID of each identity they name, in POLICY_TYPES order. */
    private final Map<String, List<Resource>> attachedPolicies = new HashMap<>();
    /** Identities by the logical ID of each document owner that applies to them; lazy. */
    private Map<String, List<Resource>> identitiesByOwner;

    IamIndex(Template template, Evaluator evaluator) {
        this.template = template;
        this.evaluator = evaluator;
        Map<String, List<Resource>> byName = identitiesByName();
        for (String type : POLICY_TYPES) {
            for (Resource policy : template.resourcesOfType(type)) {
                for (String identityId : targets(policy, byName)) {
                    attachedPolicies.computeIfAbsent(identityId, k -> new ArrayList<>())
                            .add(policy);
                }
            }
        }
    }

    /** Returns every role, user and group of the template, in file order. */
    public List<Resource> identities() {
        List<Resource> identities = new ArrayList<>();
        for (Resource resource : template.resources().values()) {
            if (IDENTITY_NAMES.containsKey(resource.type())) {
                identities.add(resource);
            }
        }
        return identities;
    }

    /** Returns whether {@code resource} is a role, user or group of this template. */
    public boolean isIdentity(Resource resource) {
        return IDENTITY_NAMES.containsKey(resource.type())
                && resource.equals(template.resource(resource.logicalId()));
    }

    /**
     * Returns the policy documents that apply to {@code identity} (a role, user or group): its
     * inline {@code Policies}, then the policy resources that name it, then the managed policies
     * of this template it lists in {@code ManagedPolicyArns}.
     */
    public List<PolicyDocument> policies(Resource identity) {
        List<PolicyDocument> documents = new ArrayList<>(inlinePolicies(identity));
        if (IDENTITY_NAMES.containsKey(identity.type())) {
            for (Resource policy : attachedPolicies.getOrDefault(identity.logicalId(),
                    List.of())) {
                if (policy.property("PolicyDocument") != null) {
                    documents.add(new PolicyDocument(policy.property("PolicyDocument"), policy));
                }
            }
        }
        for (Resource policy : attachedManagedPolicies(identity)) {
            boolean listed = documents.stream().anyMatch(d -> d.owner().equals(policy));
            if (!listed && policy.property("PolicyDocument") != null) {
                documents.add(new PolicyDocument(policy.property("PolicyDocument"), policy));
            }
        }
        return documents;
    }

    /** Returns every statement of every document that applies to {@code identity}. */
    public List<PolicyStatement> statements(Resource identity) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (PolicyDocument document : policies(identity)) {
            statements.addAll(document.statements(evaluator));
        }
        return statements;
    }

    /**
     * Returns every identity-based policy document of the template once: the inline policies of
     * each role, user and group, then each policy resource, whether or not it is attached.
     */
    public List<PolicyDocument> allPolicies() {
        Set<PolicyDocument> documents = new LinkedHashSet<>();
        for (Resource identity : identities()) {
            documents.addAll(inlinePolicies(identity));
        }
        for (Resource resource : template.resources().values()) {
            if (POLICY_TARGETS.containsKey(resource.type())
                    && resource.property("PolicyDocument") != null) {
                documents.add(new PolicyDocument(resource.property("PolicyDocument"), resource));
            }
        }
        return List.copyOf(documents);
    }

    /** Returns the roles, users and groups of this template that {@code policy} applies to. */
    public synchronized List<Resource> identitiesOf(Resource policy) {
        if (identitiesByOwner == null) {
            identitiesByOwner = new HashMap<>();
            for (Resource identity : identities()) {
                Set<String> owners = new HashSet<>();
                for (PolicyDocument document : policies(identity)) {
                    if (owners.add(document.owner().logicalId())) {
                        identitiesByOwner.computeIfAbsent(document.owner().logicalId(),
                                k -> new ArrayList<>()).add(identity);
                    }
                }
            }
        }
        List<Resource> identities = identitiesByOwner.get(policy.logicalId());
        return identities == null ? List.of() : List.copyOf(identities);
    }

    /**
     * Returns the Allow statements that apply to {@code identity} and grant {@code action} on
     * {@code Resource: '*'}, each branch of an {@code Fn::If} on its own.
     */
    public List<PolicyStatement> allowedOnAllResources(Resource identity, String action) {
        List<PolicyStatement> found = new ArrayList<>();
        for (PolicyStatement statement : statements(identity)) {
            for (PolicyStatement allowed : statement.allowing(evaluator)) {
                boolean grants = allowed.texts(evaluator, "Action").stream()
                        .anyMatch(pattern -> pattern != null && IamActions.covers(pattern, action));
                boolean everywhere = allowed.texts(evaluator, "Resource").contains("*");
                if (grants && everywhere) {
                    found.add(allowed);
                }
            }
        }
        return found;
    }

    /** Returns the managed policy ARNs, or SAM policy names, attached to {@code identity}. */
    public List<Alternative> managedPolicies(Resource identity) {
        return evaluator.elements(orEmpty(identity.property("ManagedPolicyArns")));
    }

    /** Returns the functions of this template that run as {@code role}, in file order. */
    public List<Resource> functionsUsing(Resource role) {
        List<Resource> functions = new ArrayList<>();
        for (Resource function : template.resourcesOfType("AWS::Lambda::Function")) {
            if (role.logicalId().equals(evaluator.referencedResource(function.property("Role")))) {
                functions.add(function);
            }
        }
        return functions;
    }

    /**
     * Returns the name of the AWS managed policy that {@code text} attaches, such as
     * {@code AdministratorAccess}, or {@code null} for a customer managed policy. SAM accepts the
     * bare name of a policy in its table of AWS managed policies, and passes any other bare name
     * on unchanged. CloudFormation needs the ARN, whose partition may still be a placeholder.
     */
    public static String awsManagedPolicyName(String text) {
        if (!text.contains(":")) {
            return ManagedPolicyNames.isAwsManaged(text) ? text : null;
        }
        int start = text.indexOf(AWS_MANAGED_ARN);
        return start < 0 ? null : text.substring(text.lastIndexOf('/') + 1);
    }

    private List<PolicyDocument> inlinePolicies(Resource identity) {
        List<PolicyDocument> documents = new ArrayList<>();
        for (Alternative item : evaluator.elements(orEmpty(identity.property("Policies")))) {
            if (item.value() instanceof Value.Structure structure
                    && structure.node().asMap() != null) {
                Node document = structure.node().asMap().get("PolicyDocument");
                if (document != null) {
                    documents.add(new PolicyDocument(document, identity));
                }
            }
        }
        return documents;
    }

    /** Returns the managed policies of this template that the identity lists by reference. */
    private List<Resource> attachedManagedPolicies(Resource identity) {
        List<Resource> policies = new ArrayList<>();
        for (Alternative item : managedPolicies(identity)) {
            String target = evaluator.referencedResource(item.node());
            Resource policy = target == null ? null : template.resource(target);
            if (policy != null && policy.type().equals("AWS::IAM::ManagedPolicy")
                    && !policies.contains(policy)) {
                policies.add(policy);
            }
        }
        return policies;
    }

    /**
     * Returns the logical IDs of the identities that {@code policy} names in its target
     * properties, by a reference or by the literal name the identity's name property sets. A
     * name built with {@code Fn::Sub} or a pseudo parameter is not compared.
     */
    private Set<String> targets(Resource policy, Map<String, List<Resource>> byName) {
        Set<String> targets = new LinkedHashSet<>();
        for (String property : POLICY_TARGETS.get(policy.type())) {
            for (Alternative item : evaluator.elements(orEmpty(policy.property(property)))) {
                String referenced = item.node() == null ? null
                        : evaluator.referencedResource(item.node());
                Resource identity = referenced == null ? null : template.resource(referenced);
                if (identity != null && IDENTITY_NAMES.containsKey(identity.type())
                        && targetsType(property, identity.type())) {
                    targets.add(referenced);
                }
                String name = item.value().exactText();
                for (Resource named : name == null ? List.<Resource>of()
                        : byName.getOrDefault(name, List.of())) {
                    if (targetsType(property, named.type())) {
                        targets.add(named.logicalId());
                    }
                }
            }
        }
        return targets;
    }

    /** Returns the identities by each literal name their name property may take. */
    private Map<String, List<Resource>> identitiesByName() {
        Map<String, List<Resource>> byName = new HashMap<>();
        for (Resource identity : identities()) {
            Node name = identity.property(IDENTITY_NAMES.get(identity.type()));
            if (name == null) {
                continue;
            }
            Set<String> names = new HashSet<>();
            evaluator.alternatives(name).forEach(a -> names.add(a.value().exactText()));
            names.remove(null);
            names.forEach(n -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(identity));
        }
        return byName;
    }

    private static boolean targetsType(String property, String identityType) {
        return switch (property) {
            case "Roles", "RoleName" -> identityType.equals("AWS::IAM::Role");
            case "Users", "UserName" -> identityType.equals("AWS::IAM::User");
            default -> identityType.equals("AWS::IAM::Group");
        };
    }

    static Node orEmpty(Node node) {
        return node == null ? new ListNode(List.of(), SourceSpan.NONE) : node;
    }

    /** Returns the map a value is, or {@code null}. */
    static MapNode asMap(Value value) {
        return value instanceof Value.Structure structure ? structure.node().asMap() : null;
    }
}
