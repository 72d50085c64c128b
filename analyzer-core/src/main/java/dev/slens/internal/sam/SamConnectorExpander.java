package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands an {@code AWS::Serverless::Connector}, or a connector embedded in a resource's
 * {@code Connectors}, into what the translator generates for it. A source with a role (a
 * function or state machine) gets a managed policy {@code <Connector>Policy} attached to that
 * role; a source that is a service writing to a function, queue or topic gets a Lambda
 * permission, queue policy or topic policy instead. A destination type that slens does not know
 * is reported and skipped.
 */
final class SamConnectorExpander {

    /** CloudFormation types of SAM types that a connector may name. */
    private static final Map<String, String> SAM_TYPES = Map.of(
            "AWS::Serverless::Function", "AWS::Lambda::Function",
            "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine",
            "AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table",
            "AWS::Serverless::Api", "AWS::ApiGateway::RestApi",
            "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api");

    /** Service principals of sources that reach a destination through its resource policy. */
    private static final Map<String, String> SERVICE_SOURCES = Map.of(
            "AWS::SNS::Topic", "sns.amazonaws.com",
            "AWS::Events::Rule", "events.amazonaws.com",
            "AWS::S3::Bucket", "s3.amazonaws.com",
            "AWS::ApiGateway::RestApi", "apigateway.amazonaws.com",
            "AWS::ApiGatewayV2::Api", "apigateway.amazonaws.com");

    private final SamContext context;

    SamConnectorExpander(SamContext context) {
        this.context = context;
    }

    /** Expands the connector resource {@code connector}. */
    List<Resource> expand(Resource connector) {
        return expand(connector.logicalId(), connector.properties(), connector.span(),
                connector.condition(), null);
    }

    /** Expands the {@code Connectors} of {@code owner}, whose ID is the implicit source. */
    List<Resource> embedded(Resource owner) {
        MapNode connectors = owner.properties().getMap("Connectors");
        List<Resource> out = new ArrayList<>();
        if (connectors == null) {
            return out;
        }
        for (MapNode.Entry entry : connectors.entries()) {
            MapNode definition = entry.value().asMap();
            MapNode properties = definition == null ? null : definition.getMap("Properties");
            if (properties != null) {
                MapNode withSource = new MapNode(concat(properties, Nodes.map(entry.keySpan(),
                        "Source", Nodes.map(entry.keySpan(), "Id",
                                Nodes.text(owner.logicalId(), entry.keySpan())))),
                        properties.span());
                out.addAll(expand(owner.logicalId() + entry.key(), withSource, entry.keySpan(),
                        owner.condition(), owner.logicalId()));
            }
        }
        return out;
    }

    private List<Resource> expand(String id, MapNode properties, SourceSpan at, String condition,
            String generatedFrom) {
        List<Resource> out = new ArrayList<>();
        Endpoint source = endpoint(properties.get("Source"));
        Node destinations = properties.get("Destination");
        List<Node> targets = destinations instanceof ListNode list ? list.items()
                : destinations == null ? List.of() : List.of(destinations);
        List<String> permissions = texts(properties.get("Permissions"));
        for (int i = 0; i < targets.size(); i++) {
            Endpoint target = endpoint(targets.get(i));
            String suffix = targets.size() > 1 ? "Destination" + i : "";
            Resource generated = source == null || target == null ? null
                    : generate(id, suffix, source, target, permissions, at);
            if (generated == null) {
                context.problems().unsupported(at, id, "Connector '" + id + "' joins types that"
                        + " slens does not expand, so the access it grants was not analyzed.");
                continue;
            }
            out.add(new Resource(generated.logicalId(), generated.type(), generated.properties(),
                    at, condition, generatedFrom != null ? generatedFrom : id));
        }
        return out;
    }

    private Resource generate(String id, String suffix, Endpoint source, Endpoint target,
            List<String> permissions, SourceSpan at) {
        String principal = SERVICE_SOURCES.get(source.type());
        if (principal != null) {
            return resourcePolicy(id, source, target, principal, at);
        }
        ConnectorPermissions.Access access = ConnectorPermissions.of(target.type());
        if (access == null || source.role() == null) {
            return null;
        }
        List<Node> actions = new ArrayList<>();
        if (permissions.contains("Read")) {
            access.read().forEach(action -> actions.add(Nodes.text(action, at)));
        }
        if (permissions.contains("Write")) {
            access.write().forEach(action -> actions.add(Nodes.text(action, at)));
        }
        List<Node> resources = new ArrayList<>();
        for (String pattern : access.resources()) {
            resources.add(pattern.equals("ARN") ? target.arn() : Nodes.map(at, "Fn::Sub",
                    Nodes.list(at, List.of(Nodes.text(pattern.replace("ARN", "${Arn}"), at),
                            Nodes.map(at, "Arn", target.arn())))));
        }
        MapNode statement = Nodes.map(at, "Effect", Nodes.text("Allow", at),
                "Action", Nodes.list(at, actions), "Resource", Nodes.list(at, resources));
        return new Resource(id + "Policy" + suffix, "AWS::IAM::ManagedPolicy", Nodes.map(at,
                "PolicyDocument", Nodes.map(at, "Version", Nodes.text("2012-10-17", at),
                        "Statement", Nodes.list(at, List.of(statement))),
                "Roles", Nodes.list(at, List.of(source.role()))), at, null, id);
    }

    private static Resource resourcePolicy(String id, Endpoint source, Endpoint target,
            String principal, SourceSpan at) {
        MapNode sourceArn = Nodes.map(at, "ArnEquals", Nodes.map(at, "aws:SourceArn",
                source.arn()));
        return switch (target.type()) {
            case "AWS::Lambda::Function" -> new Resource(id + "WriteLambdaPermission",
                    "AWS::Lambda::Permission", Nodes.map(at,
                            "Action", Nodes.text("lambda:InvokeFunction", at),
                            "FunctionName", target.arn(),
                            "Principal", Nodes.text(principal, at),
                            "SourceArn", source.arn()), at, null, id);
            case "AWS::SQS::Queue" -> new Resource(id + "QueuePolicy", "AWS::SQS::QueuePolicy",
                    Nodes.map(at, "Queues", Nodes.list(at, List.of(target.ref())),
                            "PolicyDocument", policy(principal, "sqs:SendMessage", target.arn(),
                                    sourceArn, at)), at, null, id);
            case "AWS::SNS::Topic" -> new Resource(id + "TopicPolicy", "AWS::SNS::TopicPolicy",
                    Nodes.map(at, "Topics", Nodes.list(at, List.of(target.ref())),
                            "PolicyDocument", policy(principal, "sns:Publish", target.arn(),
                                    sourceArn, at)), at, null, id);
            default -> null;
        };
    }

    private static MapNode policy(String principal, String action, Node resource,
            MapNode condition, SourceSpan at) {
        return Nodes.map(at, "Version", Nodes.text("2012-10-17", at),
                "Statement", Nodes.list(at, List.of(Nodes.map(at,
                        "Effect", Nodes.text("Allow", at),
                        "Principal", Nodes.map(at, "Service", Nodes.text(principal, at)),
                        "Action", Nodes.text(action, at),
                        "Resource", resource,
                        "Condition", condition))));
    }

    /**
     * One side of a connector: its CloudFormation type, ARN and {@code Ref}, and for a source
     * with a role, the role's name as {@code ManagedPolicy.Roles} takes it.
     */
    private record Endpoint(String type, Node arn, Node ref, Node role) { }

    private Endpoint endpoint(Node node) {
        MapNode map = node == null ? null : node.asMap();
        if (map == null) {
            return null;
        }
        SourceSpan at = node.span();
        String id = map.getText("Id");
        if (id == null) {
            String type = map.getText("Type");
            return type == null ? null : new Endpoint(type, map.get("Arn"), map.get("Arn"),
                    map.get("RoleName"));
        }
        Resource written = context.written(id);
        if (written == null) {
            return null;
        }
        String type = SAM_TYPES.getOrDefault(written.type(), written.type());
        boolean refIsArn = type.equals("AWS::SNS::Topic")
                || type.equals("AWS::StepFunctions::StateMachine");
        Node arn = refIsArn ? Nodes.ref(id, at) : Nodes.getAtt(id, "Arn", at);
        return new Endpoint(type, arn, Nodes.ref(id, at), role(written, at));
    }

    /** Returns the role a function or state machine runs with, as a name for Roles. */
    private static Node role(Resource resource, SourceSpan at) {
        boolean samRole = resource.type().equals("AWS::Serverless::Function")
                || resource.type().equals("AWS::Serverless::StateMachine");
        if (!samRole) {
            return null;
        }
        Node role = resource.properties().get("Role");
        if (role == null) {
            return Nodes.ref(resource.logicalId() + "Role", at);
        }
        if ("Fn::GetAtt".equals(role.intrinsicName())) {
            ListNode parts = role.asMap().get("Fn::GetAtt").asList();
            if (parts != null && parts.size() == 2 && parts.get(0).text() != null) {
                return Nodes.ref(parts.get(0).text(), at);
            }
        }
        return null;
    }

    private static List<String> texts(Node node) {
        if (node instanceof ListNode list) {
            return list.items().stream().map(Node::text).filter(t -> t != null).toList();
        }
        return node == null || node.text() == null ? List.of() : List.of(node.text());
    }

    private static List<MapNode.Entry> concat(MapNode first, MapNode second) {
        List<MapNode.Entry> entries = new ArrayList<>(first.entries());
        entries.addAll(second.entries());
        return entries;
    }
}
