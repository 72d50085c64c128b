package dev.slens.rules.reliability;

import dev.slens.index.Evaluator;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SL2028",
        name = "ApiGatewayWiring",
        summary = "API Gateway resources refer to parts of the same API",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::ApiGateway::Stage", "AWS::ApiGateway::Method",
            "AWS::ApiGateway::Resource", "AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::Route"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                + "AWS_ApiGateway.html",
        tags = {"api-gateway", "template"},
        aliases = {"E3698", "E3699", "E3708", "E3718", "W3705", "E3723", "W3660"})
public final class ApiGatewayWiringRule implements Rule {

    /**
     * A property of a resource that names another part of an API: the part must belong to the
     * API that {@code apiProperty} names, read from the part's {@code targetApiProperty}.
     */
    private record Link(String type, String apiProperty, String reference, String targetType,
            String targetApiProperty) { }

    private static final List<Link> LINKS = List.of(
            new Link("AWS::ApiGateway::Stage", "RestApiId", "DeploymentId",
                    "AWS::ApiGateway::Deployment", "RestApiId"),
            new Link("AWS::ApiGateway::Method", "RestApiId", "ResourceId",
                    "AWS::ApiGateway::Resource", "RestApiId"),
            new Link("AWS::ApiGateway::Method", "RestApiId", "AuthorizerId",
                    "AWS::ApiGateway::Authorizer", "RestApiId"),
            new Link("AWS::ApiGateway::Method", "RestApiId", "RequestValidatorId",
                    "AWS::ApiGateway::RequestValidator", "RestApiId"),
            new Link("AWS::ApiGateway::Resource", "RestApiId", "ParentId",
                    "AWS::ApiGateway::Resource", "RestApiId"),
            new Link("AWS::ApiGatewayV2::Stage", "ApiId", "DeploymentId",
                    "AWS::ApiGatewayV2::Deployment", "ApiId"),
            new Link("AWS::ApiGatewayV2::Route", "ApiId", "AuthorizerId",
                    "AWS::ApiGatewayV2::Authorizer", "ApiId"),
            new Link("AWS::ApiGatewayV2::Route", "ApiId", "Target",
                    "AWS::ApiGatewayV2::Integration", "ApiId"));

    /** The authorizer types each method or route AuthorizationType accepts. */
    private static final Map<String, Set<String>> AUTHORIZER_TYPES = Map.of(
            "CUSTOM", Set.of("TOKEN", "REQUEST"),
            "COGNITO_USER_POOLS", Set.of("COGNITO_USER_POOLS"),
            "JWT", Set.of("JWT"));

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Link link : LINKS) {
            for (Resource resource : context.template().resourcesOfType(link.type())) {
                checkLink(context, resource, link, findings);
            }
        }
        for (String type : List.of("AWS::ApiGateway::Method", "AWS::ApiGatewayV2::Route")) {
            for (Resource resource : context.template().resourcesOfType(type)) {
                checkAuthorizerPresent(context, resource, findings);
            }
        }
        return findings;
    }

    /**
     * Reports a method or route whose AuthorizationType needs an authorizer but that sets no
     * AuthorizerId, which API Gateway rejects because it has no authorizer to call.
     */
    private static void checkAuthorizerPresent(RuleContext context, Resource resource,
            List<Finding> findings) {
        Node authorization = resource.property("AuthorizationType");
        if (authorization == null || resource.property("AuthorizerId") != null) {
            return;
        }
        String type = context.evaluator().exactText(authorization);
        Set<String> accepted = type == null ? null : AUTHORIZER_TYPES.get(type);
        if (accepted == null) {
            return;
        }
        findings.add(context.finding(authorization.span(), resource.logicalId(), label(resource)
                + " sets AuthorizationType '" + type + "' but sets no AuthorizerId, so API"
                + " Gateway has no authorizer to call and CloudFormation fails to create it;"
                + " set AuthorizerId to an authorizer of the same API of type "
                + String.join(" or ", accepted.stream().sorted()
                        .map(name -> "'" + name + "'").toList()) + "."));
    }

    private static void checkLink(RuleContext context, Resource resource, Link link,
            List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        String api = evaluator.referencedResource(resource.property(link.apiProperty()));
        Node reference = resource.property(link.reference());
        String targetId = reference == null ? null
                : referenced(context.template(), reference, link.targetType());
        Resource target = targetId == null ? null : context.template().resource(targetId);
        if (api == null || target == null) {
            return;
        }
        // A root resource is named by GetAtt on the RestApi itself.
        String targetApi = target.type().equals(link.targetType())
                ? evaluator.referencedResource(target.property(link.targetApiProperty()))
                : target.logicalId();
        if (targetApi != null && !targetApi.equals(api)) {
            findings.add(context.finding(reference.span(), resource.logicalId(), label(resource)
                    + " belongs to API '" + api + "' through "
                    + link.apiProperty() + ", but its " + link.reference() + " names '"
                    + target.logicalId() + "' of API '" + targetApi + "', so CloudFormation"
                    + " fails to create it; point both at the same API."));
        } else if (link.reference().equals("AuthorizerId")) {
            checkAuthorizerType(context, resource, target, reference, findings);
        }
    }

    private static void checkAuthorizerType(RuleContext context, Resource resource,
            Resource authorizer, Node reference, List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        String authorization = evaluator.exactText(resource.property("AuthorizationType"));
        String type = evaluator.exactText(authorizer.property(
                authorizer.type().startsWith("AWS::ApiGatewayV2") ? "AuthorizerType" : "Type"));
        Set<String> accepted = authorization == null ? null
                : AUTHORIZER_TYPES.get(authorization);
        if (type != null && accepted != null && !accepted.contains(type)) {
            findings.add(context.finding(reference.span(), resource.logicalId(), label(resource)
                    + " sets AuthorizationType '" + authorization
                    + "' but its authorizer '" + authorizer.logicalId() + "' is of type '"
                    + type + "', so API Gateway rejects the pair; set AuthorizationType to"
                    + " match the authorizer (" + matching(type) + ")."));
        }
    }

    /** Returns a name such as "Stage 'OrdersStage'" for messages. */
    private static String label(Resource resource) {
        String type = resource.type();
        return type.substring(type.lastIndexOf(':') + 1) + " '" + resource.logicalId() + "'";
    }

    private static String matching(String authorizerType) {
        return switch (authorizerType) {
            case "TOKEN", "REQUEST" -> "'CUSTOM'";
            default -> "'" + authorizerType + "'";
        };
    }

    /**
     * Returns the logical ID of the resource of {@code type} that {@code node} refers to, or of
     * the RestApi whose {@code RootResourceId} it reads, searching inside {@code Fn::Join} and
     * {@code Fn::Sub}, as a route's {@code Target} is written.
     */
    private static String referenced(Template template, Node node, String type) {
        if (node instanceof MapNode map) {
            for (MapNode.Entry entry : map.entries()) {
                String found = switch (entry.key()) {
                    case "Ref" -> ofType(template, entry.value().text(), type);
                    case "Fn::GetAtt" -> getAtt(template, entry.value(), type);
                    case "Fn::Sub" -> sub(template, entry.value(), type);
                    default -> referenced(template, entry.value(), type);
                };
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                String found = referenced(template, item, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String getAtt(Template template, Node argument, String type) {
        ListNode parts = argument.asList();
        String text = argument.text();
        String id = parts != null && parts.size() == 2 ? parts.get(0).text()
                : text != null && text.contains(".") ? text.substring(0, text.indexOf('.'))
                : null;
        String attribute = parts != null && parts.size() == 2 ? parts.get(1).text()
                : text != null && text.contains(".") ? text.substring(text.indexOf('.') + 1)
                : null;
        Resource resource = id == null ? null : template.resource(id);
        boolean root = resource != null && "RootResourceId".equals(attribute)
                && resource.type().equals("AWS::ApiGateway::RestApi");
        return root ? id : ofType(template, id, type);
    }

    private static String sub(Template template, Node argument, String type) {
        String text = argument.text() != null ? argument.text()
                : argument.asList() != null && argument.asList().size() > 0
                        ? argument.asList().get(0).text() : null;
        if (text == null) {
            return null;
        }
        Matcher matcher = SUB_REFERENCE.matcher(text);
        while (matcher.find()) {
            String found = ofType(template, matcher.group(1), type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String ofType(Template template, String id, String type) {
        Resource resource = id == null ? null : template.resource(id);
        return resource != null && resource.type().equals(type) ? id : null;
    }
}
