package dev.slens.rule;

import java.util.List;

/** Metadata of the checks the engine makes itself, which have no rule class. */
public final class EngineChecks {

    private static final String SINCE = "0.1.0";
    private static final String TEMPLATE_DOCS =
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html";
    private static final String VARIABLES_DOCS =
            "https://www.serverless.com/framework/docs/providers/aws/guide/variables";

    /** A file that cannot be read or parsed. */
    public static final RuleMetadata PARSE_ERROR = engine("SL0001", "TemplateParseError",
            "Template files are valid YAML or JSON", Severity.ERROR);
    /** A construct slens does not analyze, so part of the template was not checked. */
    public static final RuleMetadata UNSUPPORTED = engine("SL0002", "UnsupportedConstruct",
            "Every part of a template can be analyzed", Severity.WARNING);
    /** A rule that failed on a template, or slens itself failing to load or expand a file. */
    public static final RuleMetadata RULE_FAILURE = engine("SL0003", "RuleFailure",
            "Every rule runs to completion on every template", Severity.ERROR);
    /** The same key twice in one mapping or object. */
    public static final RuleMetadata DUPLICATE_KEY = engine("SL0004", "DuplicateKey",
            "Keys are unique within a mapping", Severity.WARNING);
    /** JSON that only a lenient parser accepts, such as a trailing comma. */
    public static final RuleMetadata LENIENT_JSON = engine("SL0005", "NonStandardJson",
            "JSON templates follow the JSON standard", Severity.WARNING);

    /** A suppression in slens's own form without the reason it requires. */
    public static final RuleMetadata SUPPRESSION_WITHOUT_REASON = engine("SL0006",
            "SuppressionWithoutReason", "Every suppression says why it is there",
            Severity.WARNING);
    /** A suppression that matches no finding, so it can be removed. */
    public static final RuleMetadata UNUSED_SUPPRESSION = engine("SL0007", "UnusedSuppression",
            "Every suppression matches a finding", Severity.INFO);

    /** A Serverless Framework variable that has no value and no fallback. */
    public static final RuleMetadata SLS_UNRESOLVED_VARIABLE = serverless("SL0008",
            "ServerlessUnresolvedVariable", "Serverless variables resolve to a value",
            Severity.WARNING, VARIABLES_DOCS);
    /** Serverless Framework variables that refer to each other in a loop. */
    public static final RuleMetadata SLS_VARIABLE_CYCLE = serverless("SL0009",
            "ServerlessVariableCycle", "Serverless variables do not refer to themselves",
            Severity.ERROR, VARIABLES_DOCS);
    /** A {@code ${file(...)}} variable whose path leaves the project folder. */
    public static final RuleMetadata SLS_FILE_OUTSIDE_PROJECT = serverless("SL0010",
            "ServerlessFileOutsideProject", "Serverless file variables stay in the project folder",
            Severity.ERROR, VARIABLES_DOCS);
    /** A key the Serverless Framework does not read, such as {@code provider.Runtime}. */
    public static final RuleMetadata SLS_IGNORED_KEY = serverless("SL0011", "ServerlessIgnoredKey",
            "Serverless settings use the keys the framework reads", Severity.WARNING,
            "https://www.serverless.com/framework/docs/providers/aws/guide/serverless.yml");
    /** A {@code serverless.ts} or {@code serverless.js} file, which slens cannot read. */
    public static final RuleMetadata SLS_UNSUPPORTED_FILE = serverless("SL0012",
            "ServerlessUnsupportedFile", "Serverless services are written in YAML or JSON",
            Severity.WARNING,
            "https://www.serverless.com/framework/docs/providers/aws/cli-reference/print");
    /** A Serverless Framework service for another cloud than AWS, which is not analyzed. */
    public static final RuleMetadata SLS_OTHER_PROVIDER = serverless("SL0013",
            "ServerlessOtherProvider", "Serverless services deploy to AWS", Severity.INFO,
            "https://www.serverless.com/framework/docs/providers");

    /** An intrinsic function whose arguments CloudFormation rejects, such as a 2-value Fn::If. */
    public static final RuleMetadata MALFORMED_INTRINSIC = new RuleMetadata("SL0014",
            "MalformedIntrinsic", "Intrinsic functions have the arguments CloudFormation requires",
            Severity.ERROR, Pillar.ENGINE, List.of(), SINCE, "https://docs.aws.amazon.com/"
            + "AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html",
            List.of("engine"), List.of(), true);

    /** A SAM event whose Type the SAM transform does not know, so nothing was generated. */
    public static final RuleMetadata UNKNOWN_SAM_EVENT = new RuleMetadata("SL0015",
            "UnknownSamEventType", "SAM events have a type the SAM transform knows",
            Severity.WARNING, Pillar.ENGINE, List.of(), SINCE, "https://docs.aws.amazon.com/"
            + "serverless-application-model/latest/developerguide/"
            + "sam-property-function-eventsource.html",
            List.of("engine"), List.of(), true);

    /** An integer property, such as a Lambda Timeout, whose written value is not a number. */
    public static final RuleMetadata INVALID_NUMBER = engine("SL0016", "InvalidNumber",
            "Integer properties are whole numbers", Severity.WARNING);

    /**
     * A property of an {@code AWS::Serverless::*} resource or of a {@code Globals} section that
     * SAM does not define, that SAM requires and is missing, or whose value is of the wrong kind.
     */
    public static final RuleMetadata SERVERLESS_SCHEMA = new RuleMetadata("SL0017",
            "ServerlessSchema", "SAM resource properties are ones SAM defines, of the right kind",
            Severity.ERROR, Pillar.ENGINE, List.of(), SINCE, "https://docs.aws.amazon.com/"
            + "serverless-application-model/latest/developerguide/"
            + "sam-specification-resources-and-properties.html",
            List.of("engine"), List.of(), true);

    /**
     * A resource whose Type is not a string or whose Properties are not a mapping. CloudFormation
     * rejects it, and rules skip it rather than read it as a resource without properties.
     */
    public static final RuleMetadata RESOURCE_SHAPE = engine("SL0018", "ResourceShape",
            "Resources have a string Type and Properties that are a mapping", Severity.ERROR);

    /** A {@code ${file(...)}} variable that names JavaScript, which the framework runs. */
    public static final RuleMetadata SLS_CODE_VARIABLE = serverless("SL0020",
            "ServerlessCodeVariable", "Serverless variables take values slens can read",
            Severity.INFO, VARIABLES_DOCS);

    /** A serverless.yml section of the wrong kind, such as a list of functions. */
    public static final RuleMetadata SLS_SHAPE = serverless("SL0021", "ServerlessShape",
            "Serverless sections have the kind the framework's schema requires", Severity.ERROR,
            "https://www.serverless.com/framework/docs/providers/aws/guide/serverless.yml");

    /**
     * A top-level template section of the wrong kind, such as a list of parameters. CloudFormation
     * rejects it, and slens would otherwise read the section as absent.
     */
    public static final RuleMetadata TEMPLATE_SHAPE = engine("SL0022", "TemplateShape",
            "Template sections have the kind CloudFormation requires", Severity.ERROR);

    /** Every engine check, in ID order. */
    public static final List<RuleMetadata> ALL = List.of(PARSE_ERROR, UNSUPPORTED, RULE_FAILURE,
            DUPLICATE_KEY, LENIENT_JSON, SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION,
            SLS_UNRESOLVED_VARIABLE, SLS_VARIABLE_CYCLE, SLS_FILE_OUTSIDE_PROJECT, SLS_IGNORED_KEY,
            SLS_UNSUPPORTED_FILE, SLS_OTHER_PROVIDER, MALFORMED_INTRINSIC, UNKNOWN_SAM_EVENT,
            INVALID_NUMBER, SERVERLESS_SCHEMA, RESOURCE_SHAPE, SLS_CODE_VARIABLE,
            SLS_SHAPE, TEMPLATE_SHAPE);

    /** The checks whose findings no suppression can cover, because the analysis was incomplete. */
    public static final List<String> UNSUPPRESSIBLE = List.of(PARSE_ERROR.id(), RULE_FAILURE.id());

    private EngineChecks() {
    }

    private static RuleMetadata engine(String id, String name, String summary, Severity severity) {
        return new RuleMetadata(id, name, summary, severity, Pillar.ENGINE, List.of(), SINCE,
                TEMPLATE_DOCS, List.of("engine"), List.of(), true);
    }

    private static RuleMetadata serverless(String id, String name, String summary,
            Severity severity, String url) {
        return new RuleMetadata(id, name, summary, severity, Pillar.ENGINE, List.of(), SINCE,
                url, List.of("engine", "serverless-framework"), List.of(), true);
    }
}
