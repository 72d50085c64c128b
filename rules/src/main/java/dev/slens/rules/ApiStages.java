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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** The logical IDs of the stages that slens generates for a serverless.yml service. */
    private static final Set<String> SERVERLESS_STAGES = Set.of("ApiGatewayDeployment",
            "HttpApiStage", "WebsocketsDeploymentStage");

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
     * @param prefix the property path of {@code settings} inside the resource for messages,
     *     such as "StageDescription.", or "" for a Stage and a serverless.yml stage
     * @param fromServerless whether Serverless Framework generates the stage from the
     *     provider's settings, rather than the user writing it under {@code resources}
     */
    public record Stage(Resource resource, Protocol protocol, String apiId, MapNode settings,
            String prefix, boolean fromServerless) {

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
            if (fromServerless) {
                return switch (protocol) {
                    case REST -> "The stage of the service's REST API";
                    case HTTP -> "The stage of the service's HTTP API";
                    case WEBSOCKET -> "The stage of the service's WebSocket API";
                };
            }
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

    /** An access-log {@code Format} node of a stage, with the property path users write. */
    public record AccessLogFormat(Stage stage, String path, Node format) { }

    /**
     * Returns the {@code Format} of each stage's access-log setting, one per alternative of the
     * setting, in file order. REST stages name the setting {@code AccessLogSetting}, HTTP and
     * WebSocket stages {@code AccessLogSettings}.
     */
    public static List<AccessLogFormat> accessLogFormats(Template template,
            Evaluator evaluator) {
        List<AccessLogFormat> formats = new ArrayList<>();
        for (Stage stage : of(template, evaluator)) {
            String name = stage.protocol() == Protocol.REST
                    ? "AccessLogSetting" : "AccessLogSettings";
            Node setting = stage.setting(name);
            if (setting == null) {
                continue;
            }
            for (Alternative log : evaluator.alternatives(setting)) {
                MapNode map = Settings.map(log.value());
                Node format = map == null ? null : map.get("Format");
                if (format != null) {
                    formats.add(new AccessLogFormat(stage, stage.prefix() + name + ".Format",
                            format));
                }
            }
        }
        return formats;
    }

    /** Returns every stage in {@code template}, in file order. */
    public static List<Stage> of(Template template, Evaluator evaluator) {
        Set<String> deploymentsOfStages = new HashSet<>();
        for (Resource stage : template.resourcesOfType(REST_STAGE)) {
            deploymentsOfStages.add(evaluator.referencedResource(stage.property("DeploymentId")));
        }
        List<Stage> stages = new ArrayList<>();
        for (Resource resource : template.resources().values()) {
            boolean generated = template.format() == TemplateFormat.SERVERLESS_FRAMEWORK
                    && SERVERLESS_STAGES.contains(resource.logicalId());
            switch (resource.type()) {
                case REST_STAGE -> stages.add(new Stage(resource, Protocol.REST,
                        evaluator.referencedResource(resource.property("RestApiId")),
                        resource.properties(), "", generated));
                case REST_DEPLOYMENT -> {
                    if (!deploymentsOfStages.contains(resource.logicalId())) {
                        deployment(evaluator, resource, generated, stages);
                    }
                }
                case V2_STAGE -> {
                    String apiId = evaluator.referencedResource(resource.property("ApiId"));
                    stages.add(new Stage(resource, v2Protocol(template, evaluator, apiId),
                            apiId, resource.properties(), "", generated));
                }
                default -> {
                }
            }
        }
        return stages;
    }

    /**
     * Adds the stage a Deployment creates through {@code StageName}. The caller leaves out
     * deployments that a Stage resource uses, such as those SAM generates: the translator gives
     * them the placeholder stage name 'Stage' and sets the real stage's settings on the Stage
     * next to them.
     */
    private static void deployment(Evaluator evaluator, Resource resource, boolean generated,
            List<Stage> stages) {
        String name = evaluator.exactText(resource.property("StageName"));
        if (name == null || name.isEmpty()) {
            return;
        }
        Node description = resource.property("StageDescription");
        if (description != null && description.asMap() == null) {
            return;
        }
        stages.add(new Stage(resource, Protocol.REST,
                evaluator.referencedResource(resource.property("RestApiId")),
                description == null ? null : description.asMap(),
                generated ? "" : "StageDescription.", generated));
    }

    private static Protocol v2Protocol(Template template, Evaluator evaluator, String apiId) {
        Resource api = apiId == null ? null : template.resource(apiId);
        String protocol = api == null ? null : evaluator.exactText(api.property("ProtocolType"));
        return "WEBSOCKET".equals(protocol) ? Protocol.WEBSOCKET : Protocol.HTTP;
    }

    /**
     * Returns the advice that fits where the stage was written: {@code serverless} for a
     * stage generated from serverless.yml provider settings, {@code sam} for a stage SAM
     * generates from an {@code Api} or {@code HttpApi}, else {@code cloudFormation}.
     */
    public static String advice(Template template, Stage stage, String cloudFormation,
            String sam, String serverless) {
        if (stage.fromServerless()) {
            return serverless;
        }
        return stage.fromSam(template) ? sam : cloudFormation;
    }

    /**
     * Returns the item of a MethodSettings list that applies to every method and path
     * ({@code HttpMethod: '*'}, {@code ResourcePath: '/*'}), or {@code null}.
     */
    public static MapNode catchAllMethodSettings(Evaluator evaluator, Node list) {
        for (Alternative item : evaluator.elements(list)) {
            MapNode map = Settings.map(item.value());
            if (map != null && "*".equals(evaluator.exactText(map.get("HttpMethod")))
                    && "/*".equals(evaluator.exactText(map.get("ResourcePath")))) {
                return map;
            }
        }
        return null;
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
