package dev.slens.model;

/**
 * A local file whose content an expansion copied into a resource property, such as the state
 * machine definition that a SAM {@code DefinitionUri} names. The copy in the resource carries
 * the span of the property that names the file; {@code root} keeps the file's own spans, so a
 * rule that reads the content can report in {@code file} at the line the user wrote.
 *
 * @param logicalId the resource whose property contains the copy
 * @param property the property of the expanded resource, such as {@code Definition}
 * @param file the file that was read
 * @param root the file's tree with its own spans
 */
public record IncludedFile(String logicalId, String property, SourceFile file, MapNode root) { }
