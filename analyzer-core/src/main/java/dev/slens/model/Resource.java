package dev.slens.model;

/**
 * One CloudFormation resource after expansion.
 *
 * @param logicalId the logical ID CloudFormation (or the SAM translator) gives the resource
 * @param type the resource type, such as {@code AWS::Lambda::Function}
 * @param properties the properties; an empty map when the template has none
 * @param span where findings about the whole resource point: the logical ID as written, or for
 *     a generated resource the SAM node it came from
 * @param condition the resource-level {@code Condition}, or {@code null}
 * @param generatedFrom the logical ID of the SAM resource this one was generated from, or
 *     {@code null} when the user wrote it
 */
public record Resource(String logicalId, String type, MapNode properties, SourceSpan span,
        String condition, String generatedFrom) {

    /**
     * The {@code generatedFrom} of resources that the Serverless Framework generates for the
     * whole service rather than for one function, such as the shared execution role, the REST
     * API with its stage and deployment, and the deployment bucket.
     */
    public static final String SERVICE = "provider";

    /** Returns whether the resource was written by the user rather than generated. */
    public boolean isWritten() {
        return generatedFrom == null;
    }

    /** Returns whether the Serverless Framework generated this resource for the whole service. */
    public boolean isServiceWide() {
        return SERVICE.equals(generatedFrom);
    }

    /** Returns the property {@code name}, or {@code null}. */
    public Node property(String name) {
        return properties.get(name);
    }
}
