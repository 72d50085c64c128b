package dev.slens.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * @param attributes the resource attributes other than Type, Properties and Condition, such as
 *     {@code UpdatePolicy} and {@code DeletionPolicy}, each with its span; an empty map when
 *     there are none
 */
public record Resource(String logicalId, String type, MapNode properties, SourceSpan span,
        String condition, String generatedFrom, MapNode attributes) {

    /** The attributes that {@link #attributes} keeps. */
    public static final List<String> ATTRIBUTES = List.of("CreationPolicy", "DeletionPolicy",
            "DependsOn", "Metadata", "UpdatePolicy", "UpdateReplacePolicy");

    /**
     * The {@code generatedFrom} of resources that the Serverless Framework generates for the
     * whole service rather than for one function, such as the shared execution role, the REST
     * API with its stage and deployment, and the deployment bucket.
     */
    public static final String SERVICE = "provider";

    /** Creates a resource without attributes. */
    public Resource(String logicalId, String type, MapNode properties, SourceSpan span,
            String condition, String generatedFrom) {
        this(logicalId, type, properties, span, condition, generatedFrom,
                new MapNode(List.of(), span));
    }

    /**
     * Returns the attributes of resource definition {@code definition} that {@link #ATTRIBUTES}
     * names, as written.
     */
    public static MapNode attributesOf(MapNode definition, SourceSpan span) {
        List<MapNode.Entry> kept = new ArrayList<>();
        for (MapNode.Entry entry : definition.entries()) {
            if (ATTRIBUTES.contains(entry.key())) {
                kept.add(entry);
            }
        }
        return new MapNode(kept, span);
    }

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

    /** Returns the resource attribute {@code name}, such as UpdatePolicy, or {@code null}. */
    public Node attribute(String name) {
        return attributes.get(name);
    }

    /** Compares every component, as the generated method does; see {@link RecordHash}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Resource resource
                && Objects.equals(logicalId, resource.logicalId)
                && Objects.equals(type, resource.type)
                && Objects.equals(properties, resource.properties)
                && Objects.equals(span, resource.span)
                && Objects.equals(condition, resource.condition)
                && Objects.equals(generatedFrom, resource.generatedFrom)
                && Objects.equals(attributes, resource.attributes);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(logicalId, type, properties, span, condition, generatedFrom,
                attributes);
    }
}
