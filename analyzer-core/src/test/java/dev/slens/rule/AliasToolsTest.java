package dev.slens.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AliasToolsTest {

    @Test
    void toolOf_readsEachToolsIdForm() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("ES1007", "serverless-rules"),
                Map.entry("WS1000", "serverless-rules"),
                Map.entry("E3601", "cfn-lint"),
                Map.entry("W3011", "cfn-lint"),
                Map.entry("I3011", "cfn-lint"),
                Map.entry("W59", "cfn_nag"),
                Map.entry("F3", "cfn_nag"),
                Map.entry("F1000", "cfn_nag"),
                Map.entry("CKV_AWS_59", "checkov"),
                Map.entry("CKV2_AWS_33", "checkov"),
                Map.entry("AwsSolutions-APIG4", "cdk-nag"),
                Map.entry("Serverless-LambdaTracing", "cdk-nag"),
                Map.entry("LambdaInsideVPC", "cdk-nag"),
                Map.entry("SNSEncryptedKMS", "cdk-nag"),
                Map.entry("1056dfbb", "KICS"),
                Map.entry("api_gateway_without_waf", "KICS"),
                Map.entry("AWS-0004", "Trivy"),
                Map.entry("CT.LAMBDA.PV.1", "AWS Control Tower"),
                Map.entry("FG_R00276", "Regula"),
                Map.entry("lightBundle", "sls-mentor"));
        expected.forEach((alias, tool) -> assertEquals(tool, AliasTools.toolOf(alias), alias));
    }

    @Test
    void toolOf_unknownForm() {
        assertEquals(AliasTools.UNKNOWN, AliasTools.toolOf("X-1"));
        assertEquals(AliasTools.UNKNOWN, AliasTools.toolOf("W12345"));
        assertEquals(AliasTools.UNKNOWN, AliasTools.toolOf(""));
    }

    @Test
    void describe_groupsByFirstAppearance() {
        List<String> aliases = List.of("W59", "CKV_AWS_59", "W58", "AwsSolutions-APIG4");

        assertEquals("cfn_nag: W59, W58; checkov: CKV_AWS_59; cdk-nag: AwsSolutions-APIG4",
                AliasTools.describe(aliases));
        assertEquals("-", AliasTools.describe(List.of()));
    }
}
