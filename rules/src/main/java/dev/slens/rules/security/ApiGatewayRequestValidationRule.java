package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.IncludedFile;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "SL2012",
        name = "ApiGatewayRequestValidation",
        summary = "REST API methods that take input have a request validator",
        severity = Severity.INFO,
        securitySeverity = "3.7",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGateway::Method", "AWS::ApiGateway::RestApi"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "api-gateway-method-request-validation.html",
        tags = {"security", "api-gateway", "validation"},
        aliases = {"AwsSolutions-APIG2"})
public final class ApiGatewayRequestValidationRule implements Rule {

    /** The methods whose requests carry a body. */
    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch", "any",
            OpenApiOperations.ANY_METHOD);

    private static final String SUPPRESS = ", or suppress the finding with the reason when the"
            + " backend validates its input.";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource method : context.template().resourcesOfType("AWS::ApiGateway::Method")) {
            method(context, method, findings);
        }
        for (Resource api : context.template().resourcesOfType("AWS::ApiGateway::RestApi")) {
            openApi(context, api, findings);
        }
        return findings;
    }

    /** The parts of a method's requests that a validator can check. */
    private record Input(boolean body, boolean parameters) {

        boolean any() {
            return body || parameters;
        }

        String describe() {
            if (body && parameters) {
                return "a request body and required request parameters";
            }
            return body ? "a request body" : "required request parameters";
        }
    }

    private static void method(RuleContext context, Resource method, List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        String verb = evaluator.exactText(method.property("HttpMethod"));
        MapNode integration = asMap(method.property("Integration"));
        String type = integration == null ? null : evaluator.exactText(integration.get("Type"));
        if (verb == null || verb.equalsIgnoreCase("OPTIONS") || "MOCK".equalsIgnoreCase(type)) {
            return;
        }
        Input input = new Input(BODY_METHODS.contains(verb.toLowerCase(Locale.ROOT)),
                requiredParameters(evaluator, method.property("RequestParameters")));
        if (!input.any()) {
            return;
        }
        String subject = "Method '" + method.logicalId() + "' (" + verb.toUpperCase(Locale.ROOT)
                + ") takes " + input.describe() + " but ";
        String fix = "attach an AWS::ApiGateway::RequestValidator that sets "
                + flags(input, "ValidateRequestBody", "ValidateRequestParameters")
                + " (in SAM, set RequestModel with ValidateBody or ValidateParameters on the"
                + " event; in serverless.yml, set request.schemas on the http event)" + SUPPRESS;
        Node validatorId = method.property("RequestValidatorId");
        if (validatorId == null) {
            findings.add(context.finding(method.span(), method.logicalId(), subject
                    + "has no RequestValidatorId, so API Gateway passes unchecked input to the"
                    + " backend; " + fix));
            return;
        }
        for (Alternative alternative : evaluator.alternatives(validatorId)) {
            if (alternative.value() instanceof Value.NoValue) {
                findings.add(context.finding(alternative.node().span(), method.logicalId(),
                        subject + "sets RequestValidatorId to AWS::NoValue"
                        + alternative.qualifier() + ", so API Gateway passes unchecked input to"
                        + " the backend; " + fix));
                continue;
            }
            Resource validator = validator(context, alternative.node());
            if (validator == null) {
                continue;
            }
            String missing = missingFlags(evaluator, validator, input);
            if (missing != null) {
                findings.add(context.finding(Severity.INFO, alternative.node().span(),
                        method.logicalId(), subject + "its RequestValidatorId names '"
                        + validator.logicalId() + "'" + alternative.qualifier() + ", which does"
                        + " not set " + missing + " to true, so API Gateway passes unchecked"
                        + " input to the backend; set it on the validator" + SUPPRESS,
                        List.of(new Finding.Related(validator.span(), "The request validator '"
                                + validator.logicalId() + "'."))));
            }
        }
    }

    /** Returns the request validator resource that {@code node} references, or null. */
    private static Resource validator(RuleContext context, Node node) {
        String id = context.evaluator().referencedResource(node);
        Resource resource = id == null ? null : context.template().resource(id);
        return resource != null && resource.type().equals("AWS::ApiGateway::RequestValidator")
                ? resource : null;
    }

    /** Returns the validator flags {@code input} needs that are not true, or null. */
    private static String missingFlags(Evaluator evaluator, Resource validator, Input input) {
        Input missing = new Input(input.body() && off(evaluator,
                validator.property("ValidateRequestBody")), input.parameters()
                && off(evaluator, validator.property("ValidateRequestParameters")));
        return missing.any() ? flags(missing, "ValidateRequestBody", "ValidateRequestParameters")
                : null;
    }

    /** Returns whether a flag is absent or false in some branch; unknown values count as on. */
    private static boolean off(Evaluator evaluator, Node flag) {
        return !SettingBranches.absent(evaluator, flag).isEmpty()
                || !SettingBranches.equalTo(evaluator, flag, "false").isEmpty();
    }

    private static String flags(Input input, String body, String parameters) {
        if (input.body() && input.parameters()) {
            return body + " and " + parameters;
        }
        return input.body() ? body : parameters;
    }

    /**
     * Returns whether a method's {@code RequestParameters} make a query string or header
     * parameter required. Path parameters are left out, because a request without them matches
     * no resource.
     */
    private static boolean requiredParameters(Evaluator evaluator, Node parameters) {
        MapNode map = asMap(parameters);
        if (map == null || map.intrinsicName() != null) {
            return false;
        }
        for (MapNode.Entry entry : map.entries()) {
            if ((entry.key().startsWith("method.request.querystring.")
                    || entry.key().startsWith("method.request.header."))
                    && !SettingBranches.equalTo(evaluator, entry.value(), "true").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the operations of a REST API's OpenAPI document. Findings on a document from a
     * local {@code DefinitionUri} go in that file.
     */
    private static void openApi(RuleContext context, Resource api, List<Finding> findings) {
        IncludedFile included = context.template().includedFile(api.logicalId(), "Body");
        MapNode document = included != null ? included.root()
                : OpenApiOperations.document(api.property("Body"));
        if (document == null) {
            return;
        }
        SourceFile file = included == null ? null : included.file();
        MapNode validators = document.getMap("x-amazon-apigateway-request-validators");
        for (OpenApiOperations.Operation operation : OpenApiOperations.of(document)) {
            if (operation.method().equals("options") || "mock".equals(
                    operation.integrationType())) {
                continue;
            }
            Input input = new Input(BODY_METHODS.contains(operation.method())
                    || operation.operation().has("requestBody")
                    || hasParameter(document, operation, "body"), hasParameter(document,
                    operation, "query") || hasParameter(document, operation, "header"));
            if (!input.any()) {
                continue;
            }
            MapNode.Entry own = operation.operation().entry(
                    "x-amazon-apigateway-request-validator");
            MapNode.Entry chosen = own != null ? own
                    : document.entry("x-amazon-apigateway-request-validator");
            String subject = "Operation '" + operation.verb() + " " + operation.path()
                    + "' of API '" + api.logicalId() + "' takes " + input.describe() + " but ";
            String fix = "name a validator of x-amazon-apigateway-request-validators that sets "
                    + flags(input, "validateRequestBody", "validateRequestParameters")
                    + " in x-amazon-apigateway-request-validator (in SAM, set RequestModel"
                    + " with ValidateBody or ValidateParameters on the event)" + SUPPRESS;
            if (chosen == null) {
                add(context, findings, file, operation.span(), api.logicalId(), subject
                        + "neither it nor the document names an"
                        + " x-amazon-apigateway-request-validator, so API Gateway passes"
                        + " unchecked input to the backend; " + fix);
                continue;
            }
            String name = chosen.value().text();
            MapNode definition = validators == null || name == null ? null
                    : validators.getMap(name);
            if (definition == null) {
                continue;
            }
            Input missing = new Input(input.body() && !isTrue(definition.get(
                    "validateRequestBody")), input.parameters() && !isTrue(definition.get(
                    "validateRequestParameters")));
            if (missing.any()) {
                add(context, findings, file, own != null ? own.value().span()
                        : operation.span(), api.logicalId(), subject + "its request validator '"
                        + name + "' does not set " + flags(missing, "validateRequestBody",
                        "validateRequestParameters") + " to true, so API Gateway passes"
                        + " unchecked input to the backend; set it in the validator's"
                        + " definition" + SUPPRESS);
            }
        }
    }

    /**
     * Returns whether the operation, or its path, declares a parameter in {@code location}
     * ({@code body}, or a required {@code query} or {@code header} parameter).
     */
    private static boolean hasParameter(MapNode document, OpenApiOperations.Operation operation,
            String location) {
        MapNode paths = document.getMap("paths");
        MapNode item = paths == null ? null : paths.getMap(operation.path());
        for (Node parameters : new Node[] {operation.operation().get("parameters"),
                item == null ? null : item.get("parameters")}) {
            ListNode list = parameters == null ? null : parameters.asList();
            if (list == null) {
                continue;
            }
            for (Node parameter : list.items()) {
                MapNode map = parameter.asMap();
                if (map != null && location.equals(map.getText("in"))
                        && (location.equals("body") || isTrue(map.get("required")))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void add(RuleContext context, List<Finding> findings, SourceFile file,
            SourceSpan span, String logicalId, String message) {
        findings.add(file == null ? context.finding(span, logicalId, message)
                : context.finding(file, span, logicalId, message));
    }

    private static boolean isTrue(Node node) {
        return node != null && "true".equalsIgnoreCase(node.text());
    }

    private static MapNode asMap(Node node) {
        return node == null ? null : node.asMap();
    }
}
