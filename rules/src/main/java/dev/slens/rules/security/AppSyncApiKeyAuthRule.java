package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.RuleParameter;
import dev.slens.rule.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL3001",
        name = "AppSyncApiKeyAuth",
        summary = "AppSync APIs authenticate callers with more than an API key",
        severity = Severity.WARNING,
        securitySeverity = "6.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::AppSync::GraphQLApi"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html",
        tags = {"security", "appsync", "authorization"},
        parameters = @RuleParameter(name = "maxKeyDays", defaultValue = "90", min = 1,
                max = 365, description = "Largest number of days, counted from the analysis"
                        + " date, that an AWS::AppSync::ApiKey may stay valid."))
public final class AppSyncApiKeyAuthRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource api : context.template().resourcesOfType("AWS::AppSync::GraphQLApi")) {
            for (Alternative key : SettingBranches.equalTo(context.evaluator(),
                    api.property("AuthenticationType"), "API_KEY")) {
                findings.add(context.finding(key.node().span(), api.logicalId(), "GraphQL API '"
                        + api.logicalId() + "' sets AuthenticationType 'API_KEY'"
                        + key.qualifier() + ", so every caller who has the key, which ships"
                        + " inside the client, gets the default access; set"
                        + " AuthenticationType to 'AMAZON_COGNITO_USER_POOLS', 'AWS_IAM',"
                        + " 'OPENID_CONNECT' or 'AWS_LAMBDA', and keep API_KEY, if needed, in"
                        + " AdditionalAuthenticationProviders for the public fields."));
            }
        }
        for (Resource key : context.template().resourcesOfType("AWS::AppSync::ApiKey")) {
            expiry(context, key, findings);
        }
        return findings;
    }

    /**
     * Reports an API key whose literal {@code Expires} (seconds since the epoch) is before the
     * analysis date, or more than {@code maxKeyDays} days after it. A key without
     * {@code Expires} lasts the AppSync default of 7 days.
     */
    private static void expiry(RuleContext context, Resource key, List<Finding> findings) {
        if (key.property("Expires") == null) {
            return;
        }
        LocalDate today = context.today();
        int maxDays = context.intParameter("maxKeyDays");
        for (Alternative alternative : context.evaluator().alternatives(key.property("Expires"))) {
            LocalDate expires = epochDate(SettingBranches.text(alternative.value()));
            if (expires == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, expires);
            String subject = "API key '" + key.logicalId() + "' sets Expires to " + expires
                    + alternative.qualifier();
            if (days < 0) {
                findings.add(context.finding(alternative.node().span(), key.logicalId(), subject
                        + ", before the analysis date " + today + ", so clients that send it"
                        + " are rejected; set Expires to a date within the next " + maxDays
                        + " days and rotate the key in the clients."));
            } else if (days > maxDays) {
                findings.add(context.finding(alternative.node().span(), key.logicalId(), subject
                        + ", " + days + " days after the analysis date " + today + ", so a"
                        + " leaked copy of the key works that long; set Expires at most "
                        + maxDays + " days ahead and rotate the key, or raise the rule's"
                        + " maxKeyDays parameter."));
            }
        }
    }

    /** Returns the UTC date of a number of seconds since the epoch, or null. */
    private static LocalDate epochDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            long seconds = new BigDecimal(text.trim()).longValue();
            return Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }
}
