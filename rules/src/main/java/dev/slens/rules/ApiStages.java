package dev.slens.rules;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the API Gateway stages a template deploys and the node that contains each stage's
 * settings. A REST stage comes from an {@code AWS::ApiGateway::Stage}, or from an
 * {@code AWS::ApiGateway::Deployment} whose {@code StageName} makes CloudFormation create the
 * stage with the settings in {@code StageDescription}. HTTP and WebSocket stages come from
 * {@code AWS::ApiGatewayV2::Stage}.
 */
public final class ApiStages {

    /** The resource types that define stages, for rule metadata. */
    public static final String REST_STAGE = "AWS::ApiGateway::Stage";
    public static final String REST_DEPLOYMENT = "AWS::ApiGateway::Deployment";
    public static final String V2_STAGE = "AWS::ApiGatewayV2::Stage";

    /** The kind of API a stage belongs to. */
    public enum Protocol { REST, HTTP, WEBSOCKET }

    /**
     * One stage.
     *
     * @param resource the Stage, or the Deployment whose {@code StageName} creates the stage
     * @param protocol the kind of API
     * @param apiId the logical ID of the API in this template, or {@code null} when the API is
     *     imported or passed in
     * @param settings the map that contains the stage settings: the Stage's properties or the
     *     Deployment's {@code StageDescription}, or {@code null} when a Deployment has none
     * @param prefix the property path of {@code settings} inside the resource, such as
     *     "StageDescription.", or "" for a Stage
     */
    public record Stage(Resource resource, Protocol protocol, String apiId, MapNode settings,
            String prefix) {

        /** Returns the setting {@code name}, or {@code null} when it is absent. */
        public Node setting(String name) {
            return settings == null ? null : settings.get(name);
        }

        /**
         * Returns where to report a value of the setting {@code name}: the setting's key when
         * the value is written there, since a map or list value starts on the line below,
         * else the branch or reference that gave it.
         */
        public SourceSpan spanOf(String name, Alternative alternative) {
            MapNode.Entry entry = settings == null ? null : settings.entry(name);
            if (entry == null) {
                return resource.span();
            }
            if (alternative.node() == entry.value()) {
                return entry.keySpan();
            }
            return Settings.spanOf(entry.value(), alternative);
        }

        /**
         * Returns how messages name the stage, such as "Stage 'ApiProdStage' of SAM API 'Api'"
         * or "Deployment 'ApiDeployment'".
         */
        public String label() {
            String kind = resource.type().equals(REST_DEPLOYMENT) ? "Deployment" : "Stage";
            String text = kind + " '" + resource.logicalId() + "'";
            String source = resource.generatedFrom();
            if (source == null || source.equals(resource.logicalId())) {
                return text;
            }
            return text + " of " + (isImplicitSamApi(source) ? "the implicit SAM API '"
                    : "API '") + source + "'";
        }

        /** Returns whether SAM generated the stage from an {@code Api} or {@code HttpApi}. */
        public boolean fromSam(Template template) {
            return template.format() == TemplateFormat.SAM && resource.generatedFrom() != null;
        }
    }

    private ApiStages() {
    }

    /** Returns every stage in {@code template}, in file order. */
    public static List<Stage> of(Template template, Evaluator evaluator) {
        List<Stage> stages = new ArrayList<>();
        for (Resource resource : template.resources().values()) {
            switch (resource.type()) {
                case REST_STAGE -> stages.add(new Stage(resource, Protocol.REST,
                        evaluator.referencedResource(resource.property("RestApiId")),
                        resource.properties(), ""));
                case REST_DEPLOYMENT -> deployment(template, evaluator, resource, stages);
                case V2_STAGE -> {
                    String apiId = evaluator.referencedResource(resource.property("ApiId"));
                    stages.add(new Stage(resource, v2Protocol(template, evaluator, apiId),
                            apiId, resource.properties(), ""));
                }
                default -> {
                }
            }
        }
        return stages;
    }

    /**
     * Adds the stage a Deployment creates through {@code StageName}. SAM's own deployments are
     * left out: the translator gives them the placeholder stage name 'Stage' and sets the real
     * stage's settings on the Stage it generates next to them.
     */
    private static void deployment(Template template, Evaluator evaluator, Resource resource,
            List<Stage> stages) {
        String name = evaluator.exactText(resource.property("StageName"));
        boolean samDeployment = template.format() == TemplateFormat.SAM
                && resource.generatedFrom() != null;
        if (name == null || name.isEmpty() || samDeployment) {
            return;
        }
        Node description = resource.property("StageDescription");
        if (description != null && description.asMap() == null) {
            return;
        }
        stages.add(new Stage(resource, Protocol.REST,
                evaluator.referencedResource(resource.property("RestApiId")),
                description == null ? null : description.asMap(), "StageDescription."));
    }

    private static Protocol v2Protocol(Template template, Evaluator evaluator, String apiId) {
        Resource api = apiId == null ? null : template.resource(apiId);
        String protocol = api == null ? null : evaluator.exactText(api.property("ProtocolType"));
        return "WEBSOCKET".equals(protocol) ? Protocol.WEBSOCKET : Protocol.HTTP;
    }

    /**
     * Returns the advice that fits where the stage was written: {@code serverless} for a
     * serverless.yml service, {@code sam} for a stage SAM generates from an {@code Api} or
     * {@code HttpApi}, else {@code cloudFormation}.
     */
    public static String advice(Template template, Stage stage, String cloudFormation,
            String sam, String serverless) {
        if (template.format() == TemplateFormat.SERVERLESS_FRAMEWORK) {
            return serverless;
        }
        return stage.fromSam(template) ? sam : cloudFormation;
    }

    /** Returns whether {@code logicalId} is the API that SAM creates for events without one. */
    public static boolean isImplicitSamApi(String logicalId) {
        return logicalId.equals("ServerlessRestApi") || logicalId.equals("ServerlessHttpApi");
    }

    /**
     * Returns whether a value is the boolean {@code true}, written as a boolean or as the
     * string "true" in any letter case, as CloudFormation accepts both.
     */
    public static boolean isTrue(Value value) {
        String text = value instanceof Value.Literal literal ? literal.text()
                : value.exactText();
        return text != null && text.strip().equalsIgnoreCase("true");
    }

    /** Returns whether a value is a boolean {@code false}, written either way. */
    public static boolean isFalse(Value value) {
        String text = value instanceof Value.Literal literal ? literal.text()
                : value.exactText();
        return text != null && text.strip().equalsIgnoreCase("false");
    }

    /**
     * Returns whether the alternative leaves the setting unset: {@code AWS::NoValue}, an empty
     * string or an empty map. A value that cannot be known counts as set.
     */
    public static boolean isUnset(Alternative alternative) {
        Value value = alternative.value();
        if (value instanceof Value.NoValue || "".equals(value.exactText())) {
            return true;
        }
        MapNode map = Settings.map(value);
        return map != null && map.size() == 0;
    }
}
