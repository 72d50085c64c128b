package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.slens.engine.RuleRegistry;
import dev.slens.rule.AliasTools;
import dev.slens.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleAliasToolsTest {

    @Test
    void everyAlias_hasKnownTool() {
        List<String> unknown = new ArrayList<>();
        int aliases = 0;
        for (RuleMetadata rule : RuleRegistry.load(getClass().getClassLoader()).metadata()) {
            for (String alias : rule.aliases()) {
                aliases++;
                if (AliasTools.toolOf(alias).equals(AliasTools.UNKNOWN)) {
                    unknown.add(rule.id() + " " + alias);
                }
            }
        }

        assertFalse(aliases == 0, "no rule lists an alias");
        assertEquals(List.of(), unknown, "aliases in no known ID form; add the form to"
                + " AliasTools");
    }
}
