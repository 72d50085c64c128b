package dev.slens.internal.serverless;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the execution roles: the shared {@code IamRoleLambdaExecution} with the provider's
 * statements ({@code provider.iam.role.statements} and the older {@code iamRoleStatements}) and
 * those the framework adds for logs, queues, streams and tracing, and with the
 * serverless-iam-roles-per-function plugin a {@code <Function>IamRoleLambdaExecution} for each
 * function with its own {@code iamRoleStatements}. A function with {@code role}, or a provider
 * with {@code iam.role} as a name or ARN, uses that role instead.
 */
final class RoleBuilder {

    static final String PER_FUNCTION_PLUGIN = "serverless-iam-roles-per-function";
    private static final String VPC_POLICY = "service-role/AWSLambdaVPCAccessExecutionRole";

    private final ServiceModel model;
    /** Statements of each role, keyed by the role's logical ID. */
    private final Map<String, List<Node>> statements = new LinkedHashMap<>();
    private final Map<String, String> roleOfFunction = new LinkedHashMap<>();
    private final Map<String, SourceSpan> roleSpans = new LinkedHashMap<>();
    /** The function each per-function role belongs to. */
    private final Map<String, String> roleOwners = new LinkedHashMap<>();
    private final Set<String> tracedRoles = new HashSet<>();
    private boolean usesVpc;

    RoleBuilder(ServiceModel model) {
        this.model = model;
    }

    /** Returns the {@code Role} of function {@code name} and records which role it uses. */
    Node roleFor(String name, MapNode function, SourceSpan at) {
        usesVpc |= function.get("vpc") != null || model.provider().get("vpc") != null;
        MapNode.Entry custom = ServiceModel.entry(function, "role");
        if (custom == null) {
            custom = providerRole();
        }
        if (custom != null) {
            return roleReference(custom.value());
        }
        MapNode.Entry own = ServiceModel.entry(function, "iamRoleStatements");
        String roleId = Naming.ROLE;
        SourceSpan span = model.providerSpan();
        if (own != null && model.hasPlugin(PER_FUNCTION_PLUGIN)) {
            roleId = Naming.function(name) + Naming.ROLE;
            span = own.keySpan();
            roleOwners.put(roleId, name);
            List<Node> list = statements.computeIfAbsent(roleId, k -> new ArrayList<>());
            list.addAll(ServiceModel.items(own.value()));
            if (ServiceModel.isTrue(function.get("iamRoleStatementsInherit"))) {
                list.addAll(providerStatements());
            }
        } else if (!statements.containsKey(roleId)) {
            MapNode.Entry iam = model.providerEntry("iam");
            span = iam != null ? iam.keySpan() : span;
            statements.put(roleId, new ArrayList<>(providerStatements()));
        }
        roleSpans.putIfAbsent(roleId, span);
        roleOfFunction.put(name, roleId);
        if (traced(function)) {
            tracedRoles.add(roleId);
        }
        return Nodes.getAtt(roleId, "Arn", at);
    }

    /** Returns whether the function or the provider turns Lambda tracing on. */
    private boolean traced(MapNode function) {
        Node tracing = function.get("tracing");
        if (tracing == null) {
            tracing = ServiceModel.value(model.provider(), "tracing", "lambda");
        }
        return tracing != null && tracing.text() != null && !"false".equals(tracing.text());
    }

    /** Adds a statement to the role of function {@code name}, when the framework builds it. */
    void addStatement(String name, Node statement) {
        String roleId = roleOfFunction.get(name);
        if (roleId != null) {
            statements.get(roleId).add(statement);
        }
    }

    /** Creates {@code {Effect: Allow, Action: [action], Resource: [resource]}}. */
    static MapNode statement(SourceSpan at, String action, Node resource) {
        return Nodes.map(at, "Effect", Nodes.text("Allow", at),
                "Action", Nodes.list(at, List.of(Nodes.text(action, at))),
                "Resource", Nodes.list(at, List.of(resource)));
    }

    /** Adds the roles the functions use to the service. */
    void build() {
        for (Map.Entry<String, List<Node>> role : statements.entrySet()) {
            SourceSpan at = roleSpans.get(role.getKey());
            List<Node> all = new ArrayList<>(logStatements(at));
            all.addAll(role.getValue());
            if (tracedRoles.contains(role.getKey())) {
                all.add(Nodes.map(at, "Effect", Nodes.text("Allow", at),
                        "Action", Nodes.list(at, List.of(Nodes.text("xray:PutTraceSegments", at),
                                Nodes.text("xray:PutTelemetryRecords", at))),
                        "Resource", Nodes.list(at, List.of(Nodes.text("*", at)))));
            }
            model.add(role.getKey(), "AWS::IAM::Role", properties(at, all, role.getKey()), at,
                    roleOwners.get(role.getKey()));
        }
    }

    private MapNode properties(SourceSpan at, List<Node> all, String roleId) {
        List<Node> managed = new ArrayList<>();
        for (String key : new String[] {"managedPolicies"}) {
            Node value = ServiceModel.value(model.provider(), "iam", "role", key);
            managed.addAll(ServiceModel.items(value));
        }
        managed.addAll(ServiceModel.items(model.provider().get("iamManagedPolicies")));
        if (usesVpc) {
            managed.add(Nodes.map(at, "Fn::Join", Nodes.list(at, List.of(Nodes.text("", at),
                    Nodes.list(at, List.of(Nodes.text("arn:", at), Nodes.ref("AWS::Partition", at),
                            Nodes.text(":iam::aws:policy/" + VPC_POLICY, at)))))));
        }
        MapNode document = Nodes.map(at, "Version", Nodes.text("2012-10-17", at),
                "Statement", Nodes.list(at, all));
        MapNode policy = Nodes.map(at, "PolicyName", join(at, "-", model.service(),
                model.stage(), "lambda"), "PolicyDocument", document);
        return Nodes.map(at,
                "AssumeRolePolicyDocument", trust(at),
                "Policies", Nodes.list(at, List.of(policy)),
                "ManagedPolicyArns", managed.isEmpty() ? null : Nodes.list(at, managed),
                "PermissionsBoundary", permissionsBoundary(),
                "Path", Nodes.text("/", at),
                "RoleName", roleId.equals(Naming.ROLE) ? roleName(at) : null);
    }

    private Node roleName(SourceSpan at) {
        Node name = ServiceModel.value(model.provider(), "iam", "role", "name");
        if (name != null) {
            return name;
        }
        return Nodes.map(at, "Fn::Join", Nodes.list(at, List.of(Nodes.text("-", at),
                Nodes.list(at, List.of(Nodes.text(model.service(), at),
                        Nodes.text(model.stage(), at), Nodes.ref("AWS::Region", at),
                        Nodes.text("lambdaRole", at))))));
    }

    private Node permissionsBoundary() {
        Node boundary = ServiceModel.value(model.provider(), "iam", "role", "permissionsBoundary");
        return boundary != null ? boundary
                : ServiceModel.value(model.provider(), "rolePermissionsBoundary");
    }

    private List<Node> providerStatements() {
        List<Node> list = new ArrayList<>();
        list.addAll(ServiceModel.items(ServiceModel.value(model.provider(), "iam", "role",
                "statements")));
        list.addAll(ServiceModel.items(model.provider().get("iamRoleStatements")));
        return list;
    }

    /** Returns {@code provider.iam.role} when it names a role, else {@code provider.role}. */
    private MapNode.Entry providerRole() {
        MapNode.Entry role = model.providerEntry("iam", "role");
        if (role != null && (role.value().text() != null || role.value().intrinsicName() != null)) {
            return role;
        }
        return model.providerEntry("role");
    }

    /** Returns a role ARN as written, and a role name as the ARN of that logical ID. */
    private static Node roleReference(Node role) {
        String text = role.text();
        if (text != null && !text.startsWith("arn:")) {
            return Nodes.getAtt(text, "Arn", role.span());
        }
        return role;
    }

    private List<Node> logStatements(SourceSpan at) {
        String prefix = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:"
                + "/aws/lambda/" + model.service() + "-" + model.stage() + "*";
        return List.of(
                Nodes.map(at, "Effect", Nodes.text("Allow", at), "Action", Nodes.list(at, List.of(
                        Nodes.text("logs:CreateLogStream", at),
                        Nodes.text("logs:CreateLogGroup", at),
                        Nodes.text("logs:TagResource", at))),
                        "Resource", Nodes.list(at, List.of(Nodes.map(at, "Fn::Sub",
                                Nodes.text(prefix + ":*", at))))),
                Nodes.map(at, "Effect", Nodes.text("Allow", at), "Action", Nodes.list(at, List.of(
                        Nodes.text("logs:PutLogEvents", at))),
                        "Resource", Nodes.list(at, List.of(Nodes.map(at, "Fn::Sub",
                                Nodes.text(prefix + ":*:*", at))))));
    }

    private static MapNode trust(SourceSpan at) {
        return Nodes.map(at, "Version", Nodes.text("2012-10-17", at),
                "Statement", Nodes.list(at, List.of(Nodes.map(at,
                        "Effect", Nodes.text("Allow", at),
                        "Principal", Nodes.map(at, "Service", Nodes.list(at, List.of(
                                Nodes.text("lambda.amazonaws.com", at)))),
                        "Action", Nodes.list(at, List.of(Nodes.text("sts:AssumeRole", at)))))));
    }

    static MapNode join(SourceSpan at, String separator, String... parts) {
        List<Node> items = new ArrayList<>();
        for (String part : parts) {
            items.add(Nodes.text(part, at));
        }
        return Nodes.map(at, "Fn::Join", new ListNode(List.of(Nodes.text(separator, at),
                Nodes.list(at, items)), at));
    }
}
