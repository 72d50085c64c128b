package dev.slens.rules.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of IAM action names and AWS managed policy names for grants that reach too far. */
final class IamWildcards {

    /** A whole-service wildcard such as {@code s3:*}, which {@code s3:Get*} is not. */
    private static final Pattern SERVICE_WILDCARD = Pattern.compile("[a-z0-9-]+:\\*");

    /**
     * Actions treated as accepting only {@code Resource: '*'}, lower-cased: X-Ray segments and
     * sampling, CloudWatch metrics, the network-interface actions a function in a VPC needs, the
     * tagging API's reads, the ECR login token, random-value generators, and the stateless
     * analysis calls of Rekognition, Comprehend, Textract and Translate. Actions whose name
     * starts with Describe or List are treated the same way, except {@link #SCOPED_LIST_ACTIONS}.
     * NOTE: the list is chosen by hand, not read from IAM's action metadata, so an entry may
     * accept narrower ARNs.
     */
    private static final Set<String> STAR_ONLY_ACTIONS = Set.of("xray:puttracesegments",
            "xray:puttelemetryrecords", "xray:getsamplingrules", "xray:getsamplingtargets",
            "xray:getsamplingstatisticsummaries", "cloudwatch:putmetricdata",
            "ec2:createnetworkinterface", "ec2:deletenetworkinterface",
            "ec2:assignprivateipaddresses", "ec2:unassignprivateipaddresses",
            "sts:getcalleridentity", "tag:getresources", "tag:gettagkeys", "tag:gettagvalues",
            "ecr:getauthorizationtoken", "cloudwatch:getmetricdata",
            "cloudwatch:getmetricstatistics", "rekognition:comparefaces",
            "rekognition:detectfaces", "rekognition:detectlabels", "rekognition:detecttext",
            "rekognition:detectmoderationlabels", "rekognition:recognizecelebrities",
            "comprehend:detectsentiment", "comprehend:detectentities",
            "comprehend:detectdominantlanguage", "comprehend:detectkeyphrases",
            "textract:detectdocumenttext", "textract:analyzedocument",
            "translate:translatetext", "secretsmanager:getrandompassword",
            "kms:generaterandom");

    /**
     * List actions, lower-cased, that IAM authorizes against the ARN of one bucket, object, queue,
     * topic, function or key, so {@code Resource: '*'} grants them on every such resource.
     */
    private static final Set<String> SCOPED_LIST_ACTIONS = Set.of("s3:listbucket",
            "s3:listbucketversions", "s3:listbucketmultipartuploads",
            "s3:listmultipartuploadparts", "sqs:listdeadlettersourcequeues",
            "sqs:listqueuetags", "sns:listsubscriptionsbytopic", "lambda:listaliases",
            "lambda:listversionsbyfunction", "kms:listgrants", "kms:listkeypolicies");

    private static final String AWS_MANAGED_ARN = ":iam::aws:policy/";

    private IamWildcards() {
    }

    /** Returns whether {@code action} is a whole-service wildcard such as {@code s3:*}. */
    static boolean isServiceWildcard(String action) {
        return SERVICE_WILDCARD.matcher(action.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * Returns whether every one of {@code actions} accepts only {@code Resource: '*'}. Returns
     * false when an action could not be evaluated, which the list gives as {@code null}.
     */
    static boolean acceptOnlyAllResources(List<String> actions) {
        return !actions.isEmpty() && actions.stream().allMatch(IamWildcards::acceptsOnlyAll);
    }

    private static boolean acceptsOnlyAll(String action) {
        if (action == null) {
            return false;
        }
        String name = action.toLowerCase(Locale.ROOT);
        String operation = name.substring(name.indexOf(':') + 1);
        return STAR_ONLY_ACTIONS.contains(name) || operation.startsWith("describe")
                || operation.startsWith("list") && !SCOPED_LIST_ACTIONS.contains(name);
    }

    /**
     * Returns the name of the AWS managed policy that {@code text} attaches, such as
     * {@code AdministratorAccess}, or {@code null} for a customer managed policy. SAM accepts the
     * bare name. CloudFormation needs the ARN, whose partition may still be a placeholder.
     */
    static String awsManagedPolicyName(String text) {
        if (!text.contains(":")) {
            return text;
        }
        int start = text.indexOf(AWS_MANAGED_ARN);
        return start < 0 ? null : text.substring(text.lastIndexOf('/') + 1);
    }
}
