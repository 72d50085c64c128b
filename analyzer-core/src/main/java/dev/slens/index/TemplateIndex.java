package dev.slens.index;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The relations rules ask about, built once per template: how each function is invoked, which
 * invoke configurations, role and log groups belong to it, and, through {@link #iam()}, which
 * policies apply to a role.
 */
public final class TemplateIndex {

    /** Service principals whose calls to Lambda are asynchronous. */
    private static final Set<String> ASYNC_SERVICES = Set.of("events", "s3", "sns", "iot",
            "logs", "ses", "config", "codecommit", "scheduler", "cloudformation");

    private final Template template;
    private final Evaluator evaluator;
    private final FunctionResolver functions;
    private final LogGroupResolver logGroups;
    private final IamIndex iam;
    private final Map<String, List<Invocation>> invocations = new HashMap<>();
    private final Map<String, List<Resource>> invokeConfigs = new HashMap<>();
    private final Map<String, List<ApiIntegration>> apiIntegrations = new HashMap<>();
    /** The source each event source mapping reads, by the mapping's logical ID. */
    private final Map<String, EventSource> mappingSources = new HashMap<>();
    /** Event source mappings in file order, by the logical ID of the resource they read. */
    private final Map<String, List<Resource>> mappingsBySource = new HashMap<>();
    private final Path projectFolder;
    private PackageSizes packageSizes;
    private final List<StateMachineDefinition> stateMachineDefinitions;

    public TemplateIndex(Template template) {
        this(template, null);
    }

    /**
     * Creates the index of {@code template}, whose local files may lie anywhere inside
     * {@code projectFolder}; when it is {@code null}, the template's own folder is the limit.
     */
    public TemplateIndex(Template template, Path projectFolder) {
        this.template = template;
        this.projectFolder = projectFolder;
        this.evaluator = new Evaluator(template);
        this.functions = new FunctionResolver(template, evaluator);
        this.logGroups = new LogGroupResolver(template, evaluator);
        this.iam = new IamIndex(template, evaluator);
        new InvocationScanner(template, evaluator, functions, this::addInvocation).scan();
        new ApiIntegrationScanner(template, evaluator, functions, (function, integration) ->
                apiIntegrations.computeIfAbsent(function, k -> new ArrayList<>())
                        .add(integration)).scan();
        this.stateMachineDefinitions = new DefinitionReader(template).read();
        EventSourceResolver sources = new EventSourceResolver(template, evaluator);
        for (Resource mapping : template.resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            EventSource source = sources.resolve(mapping);
            mappingSources.put(mapping.logicalId(), source);
            if (source.resource() != null) {
                mappingsBySource.computeIfAbsent(source.resource().logicalId(),
                        k -> new ArrayList<>()).add(mapping);
            }
        }
        for (Resource config : template.resourcesOfType("AWS::Lambda::EventInvokeConfig")) {
            String function = functions.resolve(config.property("FunctionName"));
            if (function != null) {
                invokeConfigs.computeIfAbsent(function, k -> new ArrayList<>()).add(config);
            }
        }
    }

    public Template template() {
        return template;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /**
     * Returns the sizes of the local deployment packages the template names, measured on
     * first request; {@code null} when the template was not read from a file.
     */
    public synchronized PackageSizes packageSizes() {
        Path file = template.file() == null ? null : template.file().path();
        Path folder = file == null ? null : file.toAbsolutePath().getParent();
        if (packageSizes == null && folder != null) {
            packageSizes = new PackageSizes(projectFolder, folder, PackageSizes.DEFAULT_MAX_FILES);
        }
        return packageSizes;
    }

    /**
     * Returns the Amazon States Language definition of each state machine whose definition is
     * in the template or in a local file that SAM read, in file order.
     */
    public List<StateMachineDefinition> stateMachineDefinitions() {
        return stateMachineDefinitions;
    }

    /** Returns the IAM permissions of the template: policies and statements per identity. */
    public IamIndex iam() {
        return iam;
    }

    /** Returns every {@code AWS::Lambda::Function}, written or generated from SAM. */
    public List<Resource> functions() {
        return template.resourcesOfType("AWS::Lambda::Function");
    }

    /** Returns how function {@code logicalId} is invoked, as far as the template shows. */
    public List<Invocation> invocations(String logicalId) {
        return invocations.getOrDefault(logicalId, List.of());
    }

    /**
     * Returns the API Gateway methods, routes and SAM API events that call function
     * {@code logicalId} and wait for it, in file order.
     */
    public List<ApiIntegration> apiIntegrations(String logicalId) {
        return apiIntegrations.getOrDefault(logicalId, List.of());
    }

    /** Returns what an {@code AWS::Lambda::EventSourceMapping} of this template reads. */
    public EventSource eventSource(Resource mapping) {
        EventSource source = mapping.equals(template.resource(mapping.logicalId()))
                ? mappingSources.get(mapping.logicalId()) : null;
        return source != null ? source : new EventSource(EventSource.Kind.UNKNOWN, null);
    }

    /** Returns the event source mappings that read resource {@code logicalId}, in file order. */
    public List<Resource> mappingsReading(String logicalId) {
        return List.copyOf(mappingsBySource.getOrDefault(logicalId, List.of()));
    }

    /** Returns the function resource of this template that {@code reference} denotes, or null. */
    public Resource function(Node reference) {
        String id = functions.resolve(reference);
        return id == null ? null : template.resource(id);
    }

    /** Returns the {@code AWS::Lambda::EventInvokeConfig} resources of a function. */
    public List<Resource> invokeConfigs(String logicalId) {
        return invokeConfigs.getOrDefault(logicalId, List.of());
    }

    /** Returns the logical ID of the function a name, ARN or reference denotes, or {@code null}. */
    public String functionFor(Node reference) {
        return functions.resolve(reference);
    }

    /**
     * Returns the role resource a function runs as, or {@code null} when its {@code Role} is an
     * ARN from outside the template.
     */
    public Resource roleOf(Resource function) {
        String roleId = evaluator.referencedResource(function.property("Role"));
        Resource role = roleId == null ? null : template.resource(roleId);
        return role != null && role.type().equals("AWS::IAM::Role") ? role : null;
    }

    /**
     * Returns the {@code AWS::Logs::LogGroup} resources of this template that {@code function}
     * writes to: the group its {@code LoggingConfig.LogGroup} names, else the groups named
     * {@code /aws/lambda/<function name>}. Empty when no such group is defined here.
     */
    public List<Resource> logGroupsOf(Resource function) {
        return logGroups.resolve(function);
    }

    /** Returns whether {@code function} sets {@code LoggingConfig.LogGroup} in any branch. */
    public boolean setsLogGroup(Resource function) {
        return !logGroups.configuredLogGroups(function).isEmpty();
    }

    /** Returns the roles that functions run as or that Lambda may assume, in file order. */
    public List<Resource> executionRoles() {
        Set<String> used = new HashSet<>();
        for (Resource function : functions()) {
            Resource role = roleOf(function);
            if (role != null) {
                used.add(role.logicalId());
            }
        }
        List<Resource> roles = new ArrayList<>();
        for (Resource role : template.resourcesOfType("AWS::IAM::Role")) {
            if (used.contains(role.logicalId()) || trustsLambda(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private boolean trustsLambda(Resource role) {
        Node trust = role.property("AssumeRolePolicyDocument");
        return trust != null && (contains(trust, "lambda.amazonaws.com")
                || contains(trust, "lambda.${aws::urlsuffix}"));
    }

    private static boolean contains(Node node, String text) {
        if (node instanceof MapNode map) {
            return map.entries().stream().anyMatch(e -> contains(e.value(), text));
        }
        if (node instanceof ListNode list) {
            return list.items().stream().anyMatch(i -> contains(i, text));
        }
        return node.text() != null && node.text().toLowerCase(Locale.ROOT).contains(text);
    }

    private void addInvocation(String functionId, Invocation invocation) {
        invocations.computeIfAbsent(functionId, k -> new ArrayList<>()).add(invocation);
    }

    /** Returns whether calls from service principal {@code principal} are asynchronous. */
    static boolean isAsyncPrincipal(String principal) {
        String service = principal.toLowerCase(Locale.ROOT);
        int dot = service.indexOf('.');
        return dot > 0 && service.contains("amazonaws.com")
                && ASYNC_SERVICES.contains(service.substring(0, dot));
    }
}
