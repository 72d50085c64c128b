package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.LoadLimits;
import dev.slens.load.ServerlessOptions;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.ScalarNode;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableResolverTest {

    @TempDir
    Path folder;

    private ServerlessTesting.Outcome resolve(String body) {
        return resolve(body, ServerlessOptions.DEFAULT);
    }

    private ServerlessTesting.Outcome resolve(String body, ServerlessOptions options) {
        return ServerlessTesting.expand(folder, "service: svc\nprovider:\n  name: aws\n" + body,
                options);
    }

    private static String text(Node node) {
        return node.text();
    }

    private static boolean isUnresolved(Node node) {
        return Nodes.UNRESOLVED.equals(node.intrinsicName());
    }

    @Test
    void selfReadsNestedPathsAndIndexes() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  sizes:
                    small: [128, 256]
                  pick: ${self:custom.sizes.small.1}
                  whole: ${self:custom.sizes}
                """);
        Node pick = outcome.resolved("custom.pick");
        assertEquals("256", text(pick));
        assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) pick).kind());
        assertEquals("128", text(outcome.resolved("custom.whole.small.0")));
        assertEquals(List.of(), outcome.findings());
    }

    @Test
    void resolvedNodeKeepsVariableLine() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  list: [a, b]
                  copy: ${self:custom.list}
                """);
        assertEquals(6, outcome.resolved("custom.copy").span().line());
        assertEquals(6, outcome.resolved("custom.copy.1").span().line());
    }

    @Test
    void optionsComeFromFlagsThenDefaults() {
        String body = """
                custom:
                  stage: ${opt:stage}
                  region: ${opt:region}
                  fallback: ${opt:stage, 'qa'}
                  sls: ${sls:stage}
                  aws: ${aws:region}
                """;
        ServerlessTesting.Outcome defaults = resolve(body);
        assertEquals("dev", text(defaults.resolved("custom.stage")));
        assertEquals("us-east-1", text(defaults.resolved("custom.region")));
        assertEquals("qa", text(defaults.resolved("custom.fallback")));
        assertEquals("dev", text(defaults.resolved("custom.sls")));

        ServerlessTesting.Outcome given = resolve(body,
                new ServerlessOptions("prod", "eu-west-1", null));
        assertEquals("prod", text(given.resolved("custom.stage")));
        assertEquals("prod", text(given.resolved("custom.fallback")));
        assertEquals("eu-west-1", text(given.resolved("custom.aws")));
    }

    @Test
    void stageFollowsProviderStage() {
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: svc
                provider:
                  name: aws
                  stage: ${opt:stage, 'staging'}
                  region: eu-central-1
                custom:
                  stage: ${sls:stage}
                  self: ${self:provider.stage}
                  region: ${aws:region}
                """);
        assertEquals("staging", text(outcome.resolved("custom.stage")));
        assertEquals("staging", text(outcome.resolved("custom.self")));
        assertEquals("eu-central-1", text(outcome.resolved("custom.region")));
    }

    @Test
    void environmentIsUnknownUnlessPassed() {
        String body = """
                custom:
                  token: ${env:TOKEN}
                  chained: ${self:custom.none, env:MISSING, 'z'}
                """;
        ServerlessTesting.Outcome unknown = resolve(body);
        assertTrue(isUnresolved(unknown.resolved("custom.token")));
        assertTrue(isUnresolved(unknown.resolved("custom.chained")));
        assertEquals(List.of(), unknown.findings());

        ServerlessTesting.Outcome passed = resolve(body,
                new ServerlessOptions(null, null, Map.of("TOKEN", "abc")));
        assertEquals("abc", text(passed.resolved("custom.token")));
        assertEquals("z", text(passed.resolved("custom.chained")));
    }

    @Test
    void deploymentOnlySourcesAreUnknown() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  ssm: ${ssm:/path/to/param}
                  s3: ${s3:bucket/key}
                  cf: ${cf:stack.Output}
                  param: ${param:notSet}
                  vault: ${vault:secret}
                  instance: ${sls:instanceId}
                """);
        for (String key : List.of("ssm", "s3", "cf", "param", "vault", "instance")) {
            assertTrue(isUnresolved(outcome.resolved("custom." + key)), key);
        }
        assertEquals(List.of(), outcome.findings());
    }

    @Test
    void accountIdBecomesPseudoParameter() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  arn: arn:aws:sqs:${aws:region}:${aws:accountId}:queue
                """);
        Node arn = outcome.resolved("custom.arn");
        assertEquals("Fn::Join", arn.intrinsicName());
        Node parts = arn.asMap().get("Fn::Join").asList().get(1);
        assertEquals("arn:aws:sqs:us-east-1:", text(parts.asList().get(0)));
        assertEquals("AWS::AccountId", parts.asList().get(1).asMap().getText("Ref"));
        assertEquals(":queue", text(parts.asList().get(2)));
    }

    @Test
    void unknownPartInLongerStringMakesJoin() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  name: prefix-${ssm:/x}-suffix
                """);
        Node parts = outcome.resolved("custom.name").asMap().get("Fn::Join").asList().get(1);
        assertEquals(3, parts.asList().size());
        assertTrue(isUnresolved(parts.asList().get(1)));
    }

    @Test
    void variablesInsideStringsAndNested() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  dev:
                    size: 512
                  size: ${self:custom.${opt:stage}.size}
                  label: ${self:service}-${sls:stage}-api
                  sub:
                    Fn::Sub: arn:aws:s3:::${AWS::Region}-${self:service}
                """);
        assertEquals("512", text(outcome.resolved("custom.size")));
        assertEquals("svc-dev-api", text(outcome.resolved("custom.label")));
        assertEquals("arn:aws:s3:::${AWS::Region}-svc",
                text(outcome.resolved("custom.sub.Fn::Sub")));
    }

    @Test
    void fallbacksAcceptLiteralsAndVariables() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  number: ${self:custom.none, 10}
                  quoted: ${self:custom.none, "a, b"}
                  nested: ${self:custom.none, ${self:custom.other}}
                  other: found
                """);
        assertEquals("10", text(outcome.resolved("custom.number")));
        assertEquals("a, b", text(outcome.resolved("custom.quoted")));
        assertEquals("found", text(outcome.resolved("custom.nested")));
    }

    @Test
    void parameterReadsParamsOfStage() {
        ServerlessTesting.Outcome outcome = resolve("""
                params:
                  default:
                    name: base
                  dev:
                    size: 256
                custom:
                  name: ${param:name}
                  size: ${param:size}
                """);
        assertEquals("base", text(outcome.resolved("custom.name")));
        assertEquals("256", text(outcome.resolved("custom.size")));
    }

    @Test
    void fileReadsIncludedValues() {
        ServerlessTesting.write(folder, "config/dev.yml", "memory: 2048\nlist:\n  - a\n");
        ServerlessTesting.write(folder, "statements.yml", "- Effect: Allow\n");
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  memory: ${file(./config/${opt:stage}.yml):memory}
                  all: ${file(./config/dev.yml)}
                  list: ${file(./statements.yml)}
                  absent: ${file(./none.yml), 'fallback'}
                """);
        assertEquals("2048", text(outcome.resolved("custom.memory")));
        assertEquals("a", text(outcome.resolved("custom.all.list.0")));
        assertEquals("Allow", text(outcome.resolved("custom.list.0.Effect")));
        assertEquals("fallback", text(outcome.resolved("custom.absent")));
        // Included values keep their place in the included file: '- a' is line 3 there.
        assertEquals(3, outcome.resolved("custom.all.list.0").span().line());
        assertEquals("config/dev.yml",
                outcome.resolved("custom.all.list.0").span().file().displayPath());
        assertNull(outcome.resolved("custom.absent").span().file());
    }

    @Test
    void fileOutsideProjectIsReportedNotRead() {
        ServerlessTesting.write(folder, "secret.yml", "key: value\n");
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder.resolve("project"), """
                service: svc
                provider:
                  name: aws
                custom:
                  leak: ${file(../secret.yml):key}
                """);
        assertTrue(isUnresolved(outcome.resolved("custom.leak")));
        assertEquals(List.of("SL0010"), outcome.findingIds());
        assertEquals(5, outcome.findings().get(0).span().line());
    }

    @Test
    void cycleIsReportedOnce() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  a: ${self:custom.b}
                  b: ${self:custom.a}
                  self: ${self:custom.self}
                """);
        assertTrue(isUnresolved(outcome.resolved("custom.a")));
        assertTrue(isUnresolved(outcome.resolved("custom.self")));
        assertEquals(List.of("SL0009", "SL0009"), outcome.findingIds());
        assertEquals(6, outcome.findings().get(0).span().line());
        assertEquals(7, outcome.findings().get(1).span().line());
    }

    @Test
    void repeatedExpansionStopsAtSizeLimit() {
        ServerlessTesting.Outcome outcome = resolve(repeatingVariables(12));

        String level10 = ((ScalarNode) outcome.resolved("custom.l10")).value();
        assertEquals(9 * (1 << 20) - 1, level10.length());
        assertEquals("Fn::Join", outcome.resolved("custom.l11").intrinsicName());
        assertEquals(List.of("SL0001"), outcome.findingIds());
        assertEquals(16, outcome.findings().get(0).span().line());
        assertTrue(outcome.findings().get(0).message().contains("'${self:custom.l10}'"),
                outcome.findings().get(0).message());
    }

    @Test
    void repeatedExpansionBelowLimitResolves() {
        ServerlessTesting.Outcome outcome = resolve(repeatingVariables(6));

        String level6 = ((ScalarNode) outcome.resolved("custom.l6")).value();
        assertEquals(9 * (1 << 12) - 1, level6.length());
        assertEquals(List.of(), outcome.findingIds());
    }

    /** Returns {@code custom} with l0 of 8 characters and each level four copies of the last. */
    private static String repeatingVariables(int levels) {
        StringBuilder yaml = new StringBuilder("custom:\n  l0: abcdefgh\n");
        for (int level = 1; level <= levels; level++) {
            String previous = "${self:custom.l" + (level - 1) + "}";
            yaml.append("  l").append(level).append(": ").append(previous).append(' ')
                    .append(previous).append(' ').append(previous).append(' ')
                    .append(previous).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void missingValueWithoutFallbackIsReported() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  missing: ${self:custom.nothing}
                """);
        assertTrue(isUnresolved(outcome.resolved("custom.missing")));
        assertEquals(List.of("SL0008"), outcome.findingIds());
        assertTrue(outcome.findings().get(0).message().contains("'custom.nothing'"));
    }

    @Test
    void cloudFormationReferencesStayText() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  sub: ${AWS::AccountId}/${Queue.Arn}/${Name}
                """);
        assertEquals("${AWS::AccountId}/${Queue.Arn}/${Name}",
                text(outcome.resolved("custom.sub")));
        assertNull(outcome.resolved("custom.sub").intrinsicName());
    }

    @Test
    void pathBelowUnknownValueIsUnknown() {
        ServerlessTesting.Outcome outcome = resolve("""
                custom:
                  secrets: ${ssm:/app/secrets}
                  key: ${self:custom.secrets.API_KEY}
                """);
        assertTrue(isUnresolved(outcome.resolved("custom.key")));
        assertEquals(List.of(), outcome.findings());
    }

    @Test
    void unparsableIncludeIsOneParseError() {
        ServerlessTesting.write(folder, "bad.yml", "other: 1\nkey: [unclosed\n");
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: svc
                provider:
                  name: aws
                custom:
                  bad: ${file(./bad.yml):key}
                  again: ${file(./bad.yml):other}
                """, ServerlessOptions.DEFAULT, LoadLimits.DEFAULT);
        assertEquals(List.of("SL0001"), outcome.findingIds());
        Finding error = outcome.findings().get(0);
        assertEquals("bad.yml", error.file().displayPath());
        assertEquals(2, error.span().line());
        assertTrue(error.message().startsWith("The file cannot be parsed: invalid YAML"),
                error.message());
        assertTrue(isUnresolved(outcome.resolved("custom.bad")));
    }

    @Test
    void includedFileObeysLoadLimits() {
        ServerlessTesting.write(folder, "big.yml", "key: " + "x".repeat(200) + "\n");
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: svc
                provider:
                  name: aws
                custom:
                  big: ${file(./big.yml):key}
                """, ServerlessOptions.DEFAULT, new LoadLimits(100, 200, 2_000, 2_000_000, 20));
        assertTrue(isUnresolved(outcome.resolved("custom.big")));
        assertEquals(List.of("SL0001"), outcome.findingIds());
        assertEquals("big.yml", outcome.findings().get(0).file().displayPath());
        assertTrue(outcome.findings().get(0).message().contains("limit"),
                outcome.findings().get(0).message());
    }

    @Test
    void linkLeavingProjectIsNotRead() throws IOException {
        Path secret = ServerlessTesting.write(folder, "secret.yml", "key: value\n");
        Path project = Files.createDirectories(folder.resolve("project"));
        Files.createSymbolicLink(project.resolve("linked.yml"), secret);
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(project, """
                service: svc
                provider:
                  name: aws
                custom:
                  leak: ${file(./linked.yml):key}
                """);
        assertTrue(isUnresolved(outcome.resolved("custom.leak")));
        assertEquals(List.of("SL0010"), outcome.findingIds());
    }
}
