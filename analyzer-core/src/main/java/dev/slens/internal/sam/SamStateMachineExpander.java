package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands one {@code AWS::Serverless::StateMachine}, merged with {@code Globals.StateMachine},
 * into the state machine, its role {@code <Id>Role} unless {@code Role} is set, and what its
 * events create: an EventBridge rule or schedule with a role to start executions, or an API
 * route with a role for API Gateway. An inline {@code Definition} stays an object in
 * {@code Definition}; a local {@code DefinitionUri} is read into it.
 */
final class SamStateMachineExpander {

    private static final String START_EXECUTION_URI =
            "arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution";

    private final SamContext context;
    private final Resource machine;
    private final MapNode properties;
    private final List<Resource> out = new ArrayList<>();

    SamStateMachineExpander(SamContext context, Resource machine) {
        this.context = context;
        this.machine = machine;
        this.properties = context.withGlobals("StateMachine", machine.properties());
    }

    List<Resource> expand() {
        String id = machine.logicalId();
        SourceSpan at = machine.span();
        List<MapNode.Entry> entries = new ArrayList<>();
        rename(entries, "Name", "StateMachineName");
        rename(entries, "Type", "StateMachineType");
        definition(entries);
        rename(entries, "DefinitionSubstitutions", "DefinitionSubstitutions");
        rename(entries, "Logging", "LoggingConfiguration");
        rename(entries, "Tracing", "TracingConfiguration");
        rename(entries, "Tags", "Tags");
        MapNode.Entry role = properties.entry("Role");
        if (role != null) {
            entries.add(new MapNode.Entry("RoleArn", role.keySpan(), role.value()));
        } else {
            entries.add(new MapNode.Entry("RoleArn", at, Nodes.getAtt(id + "Role", "Arn", at)));
            out.add(new SamRoleBuilder(id, at, properties, machine.condition(),
                    context.problems(), "states.amazonaws.com", List.of()).build());
        }
        out.add(0, new Resource(id, "AWS::StepFunctions::StateMachine",
                new MapNode(entries, properties.span()), at, machine.condition(), null));
        alias(at);
        MapNode events = properties.getMap("Events");
        if (events != null) {
            for (MapNode.Entry event : events.entries()) {
                event(event);
            }
        }
        return out;
    }

    private void rename(List<MapNode.Entry> entries, String samKey, String key) {
        MapNode.Entry entry = properties.entry(samKey);
        if (entry != null) {
            entries.add(new MapNode.Entry(key, entry.keySpan(), entry.value()));
        }
    }

    private void definition(List<MapNode.Entry> entries) {
        rename(entries, "Definition", "Definition");
        MapNode.Entry uri = properties.entry("DefinitionUri");
        if (uri == null) {
            return;
        }
        if (LocalFiles.isLocal(uri.value()) && !uri.value().text().startsWith("s3:")) {
            String relative = uri.value().text();
            LocalFiles.Read read = context.localFiles().read(context.folder(), relative,
                    context.displayPath(relative), uri.value().span());
            // The loader's findings are in the definition file, on its own lines: a parse
            // error there is an SL0001 as in any template, and warnings such as duplicate
            // keys are kept when the file parses.
            read.loaderFindings().forEach(context.problems()::add);
            if (read.root() != null) {
                entries.add(new MapNode.Entry("Definition", uri.keySpan(), read.root()));
                context.include(machine.logicalId(), "Definition", relative, read);
            } else if (!read.unparsable()) {
                String advice = read.outsideProject()
                        ? " Keep the definition inside the project folder." : "";
                context.problems().unsupported(uri.keySpan(), machine.logicalId(),
                        "The DefinitionUri of state machine '" + machine.logicalId() + "' was"
                                + " not analyzed: " + read.problem() + "." + advice);
            }
            return;
        }
        entries.add(new MapNode.Entry("DefinitionS3Location", uri.keySpan(),
                S3Locations.location(uri.value(), "Bucket", "Key", "Version")));
    }

    /** Adds the version and alias that {@code AutoPublishAlias} publishes. */
    private void alias(SourceSpan at) {
        MapNode.Entry alias = properties.entry("AutoPublishAlias");
        String name = alias == null ? null : context.literal(alias.value());
        if (name == null) {
            return;
        }
        String id = machine.logicalId();
        add(id + "Version", "AWS::StepFunctions::StateMachineVersion", Nodes.map(at,
                "StateMachineArn", Nodes.ref(id, at)), alias.keySpan());
        add(id + "Alias" + name, "AWS::StepFunctions::StateMachineAlias", Nodes.map(at,
                "Name", Nodes.text(name, at),
                "DeploymentPreference", properties.get("DeploymentPreference")),
                alias.keySpan());
    }

    private void event(MapNode.Entry event) {
        MapNode definition = event.value().asMap();
        String type = definition == null ? null : definition.getText("Type");
        MapNode eventProperties = definition == null ? null : definition.getMap("Properties");
        if (type == null) {
            return;
        }
        if (eventProperties == null) {
            eventProperties = Nodes.map(event.keySpan());
        }
        String name = machine.logicalId() + event.key();
        SourceSpan at = event.keySpan();
        switch (type) {
            case "Schedule", "EventBridgeRule", "CloudWatchEvent" -> rule(name, at,
                    eventProperties, type.equals("Schedule"));
            case "ScheduleV2" -> schedule(name, at, eventProperties);
            case "Api" -> api(name, at, eventProperties);
            default -> context.problems().unknownEventType(definition.entry("Type").keySpan(),
                    machine.logicalId(), "Event '" + event.key() + "' of state machine '"
                    + machine.logicalId() + "' has Type '" + type + "', which SAM does not know"
                    + " for state machines, so slens generated nothing for it and the SAM"
                    + " transform rejects the template. Use Api, Schedule, ScheduleV2,"
                    + " EventBridgeRule or CloudWatchEvent.");
        }
    }

    private void rule(String name, SourceSpan at, MapNode event, boolean scheduled) {
        Node roleArn = executionRole(name, at, event, "events.amazonaws.com");
        MapNode target = Nodes.map(at,
                "Id", Nodes.text(name + "StepFunctionsTarget", at),
                "Arn", Nodes.ref(machine.logicalId(), at),
                "RoleArn", roleArn,
                "Input", event.get("Input"),
                "InputPath", event.get("InputPath"),
                "DeadLetterConfig", new SamQueueDeadLetter(name, machine.condition(),
                        machine.logicalId(), out).complete(event.get("DeadLetterConfig"),
                        "events.amazonaws.com"),
                "RetryPolicy", event.get("RetryPolicy"));
        add(name, "AWS::Events::Rule", Nodes.map(at,
                scheduled ? "ScheduleExpression" : "EventPattern",
                event.get(scheduled ? "Schedule" : "Pattern"),
                "EventBusName", event.get("EventBusName"),
                "State", SamEventExpander.state(event),
                "Targets", Nodes.list(at, List.of(target))), at);
    }

    private void schedule(String name, SourceSpan at, MapNode event) {
        Node roleArn = event.has("RoleArn") ? event.get("RoleArn")
                : executionRole(name, at, event, "scheduler.amazonaws.com");
        add(name, "AWS::Scheduler::Schedule", Nodes.map(at,
                "Name", event.has("Name") ? event.get("Name") : Nodes.text(name, at),
                "ScheduleExpression", event.get("ScheduleExpression"),
                "FlexibleTimeWindow", event.has("FlexibleTimeWindow")
                        ? event.get("FlexibleTimeWindow")
                        : Nodes.map(at, "Mode", Nodes.text("OFF", at)),
                "State", event.get("State"),
                "Target", Nodes.map(at,
                        "Arn", Nodes.ref(machine.logicalId(), at),
                        "RoleArn", roleArn,
                        "Input", event.get("Input"),
                        "DeadLetterConfig", new SamQueueDeadLetter(name, machine.condition(),
                                machine.logicalId(), out).complete(event.get("DeadLetterConfig"),
                                "scheduler.amazonaws.com"),
                        "RetryPolicy", event.get("RetryPolicy"))), at);
    }

    private void api(String name, SourceSpan at, MapNode event) {
        Node roleArn = executionRole(name, at, event, "apigateway.amazonaws.com");
        MapNode integration = Nodes.map(at,
                "type", Nodes.text("aws", at),
                "httpMethod", Nodes.text("POST", at),
                "uri", Nodes.map(at, "Fn::Sub", Nodes.text(START_EXECUTION_URI, at)),
                "credentials", roleArn);
        String method = event.getText("Method");
        context.addRoute(new ApiRoute(context.referencedId(event.get("RestApiId")), false,
                event.getText("Path"), method == null ? null
                        : method.toLowerCase(java.util.Locale.ROOT), integration, event, at));
    }

    /** Adds the role {@code <Event>Role} that lets {@code service} start executions. */
    private Node executionRole(String name, SourceSpan at, MapNode event, String service) {
        add(name + "Role", "AWS::IAM::Role", Nodes.map(at,
                "AssumeRolePolicyDocument", SamRoleBuilder.trust(service, at),
                "Policies", Nodes.list(at, List.of(SamRoleBuilder.inlinePolicy(
                        name + "RoleStartExecutionPolicy", "states:StartExecution",
                        Nodes.ref(machine.logicalId(), at), at)))), at);
        return Nodes.getAtt(name + "Role", "Arn", at);
    }

    private void add(String logicalId, String type, MapNode resourceProperties, SourceSpan at) {
        out.add(new Resource(logicalId, type, resourceProperties, at, machine.condition(),
                machine.logicalId()));
    }
}
