package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.slens.model.TemplateFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Format detection from content, whatever the file is called. */
class FormatDetectorTest {

    private static final String QUEUE = "Resources: {Queue: {Type: AWS::SQS::Queue}}\n";
    private static final String VERSION = "AWSTemplateFormatVersion: \"2010-09-09\"\n";

    static Stream<Arguments> templates() {
        return Stream.of(
                arguments("Transform: AWS::Serverless-2016-10-31\n" + QUEUE, TemplateFormat.SAM),
                arguments("Resources: {F: {Type: AWS::Serverless::Function}}\n",
                        TemplateFormat.SAM),
                arguments("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n"
                        + QUEUE, TemplateFormat.SAM),
                arguments("Transform: [AWS::LanguageExtensions]\n" + QUEUE,
                        TemplateFormat.CLOUDFORMATION),
                arguments("Transform: AWS::Include\n" + QUEUE, TemplateFormat.CLOUDFORMATION),
                arguments(QUEUE, TemplateFormat.CLOUDFORMATION),
                arguments("Resources: {Seed: {Type: Custom::Seed}}\n",
                        TemplateFormat.CLOUDFORMATION),
                arguments("Resources: {Fn::ForEach::Q: [N, [A], {}]}\n",
                        TemplateFormat.CLOUDFORMATION),
                arguments("service: orders\nprovider: {name: aws}\n",
                        TemplateFormat.SERVERLESS_FRAMEWORK),
                arguments("Resources: {Queue: {Properties: {}}}\n", TemplateFormat.OTHER),
                arguments(VERSION + "Resources: [1, 2]\n", TemplateFormat.CLOUDFORMATION),
                arguments(VERSION + "Resources: none\n", TemplateFormat.CLOUDFORMATION),
                arguments(VERSION + "Description: empty\n", TemplateFormat.CLOUDFORMATION),
                arguments(VERSION + "Resources: {Queue: {Properties: {}}}\n",
                        TemplateFormat.CLOUDFORMATION),
                arguments(VERSION + "Transform: AWS::Serverless-2016-10-31\nResources: [1]\n",
                        TemplateFormat.SAM),
                arguments("Transform: AWS::Serverless-2016-10-31\n", TemplateFormat.SAM),
                arguments("Resources: [1, 2]\n", TemplateFormat.OTHER),
                arguments("openapi: 3.0.0\npaths: {}\n", TemplateFormat.OTHER));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void detectsFormatFromContent(String text, TemplateFormat expected) {
        assertEquals(expected, FormatDetector.detect(TestLoading.root("t.yaml", text)));
    }

    @Test
    void missingRootIsOther() {
        assertEquals(TemplateFormat.OTHER, FormatDetector.detect(null));
    }
}
