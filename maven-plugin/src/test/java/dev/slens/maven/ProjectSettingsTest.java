package dev.slens.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slens.config.ProjectConfig;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSettingsTest {

    @Test
    void asOf_unset_leavesDateToConfiguration() throws MojoExecutionException {
        assertNull(ProjectSettings.asOf(null, null));
        assertNull(ProjectSettings.asOf(" ", ""));
    }

    @Test
    void asOf_eitherName_setsDate() throws MojoExecutionException {
        assertEquals(LocalDate.of(2027, 6, 30), ProjectSettings.asOf("2027-06-30", null));
        assertEquals(LocalDate.of(2027, 6, 30), ProjectSettings.asOf(null, " 2027-06-30 "));
        assertEquals(LocalDate.of(2027, 6, 30),
                ProjectSettings.asOf("2027-06-30", "2027-06-30"));
    }

    @Test
    void asOf_differentFromToday_isRejected() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ProjectSettings.asOf("2027-06-30", "2026-12-04"));

        assertEquals("asOf '2027-06-30' and today '2026-12-04' give different dates; set only"
                + " asOf", e.getMessage());
    }

    @Test
    void asOf_invalidDate_namesParameter() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ProjectSettings.asOf("2026-02-30", null));

        assertEquals("Invalid asOf '2026-02-30', expected a date in the form YYYY-MM-DD, such as"
                + " 2026-12-04", e.getMessage());
    }

    @Test
    void missingBaseline_suggestsWriteBaseline(@TempDir Path base) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ProjectSettings.applyBaseline(null, base, null, new File("nope.json"),
                        ProjectConfig.EMPTY, new SystemStreamLog()));

        assertEquals("Baseline file not found: 'nope.json'; write it once with"
                + " -Dslens.writeBaseline=nope.json, such as mvn verify"
                + " -Dslens.writeBaseline=nope.json, and commit it", e.getMessage());
    }
}
