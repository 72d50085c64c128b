package dev.slens.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the parts of a command that {@code @Command(mixinStandardHelpOptions = true,
 * versionProvider = ..., modelTransformer = CommandDefaults.class)} declares, for the root
 * command and {@code scan}, which are built through picocli's programmatic API. Reading their
 * annotations took about 40% of the CPU time of building the command line for a scan (measured
 * with picocli 4.7.7 on JDK 17). The JDK generates a proxy class for each annotation type, and
 * picocli reflects over every field and method.
 */
final class CommandSpecs {

    private CommandSpecs() {
    }

    /**
     * Returns the model of a command named {@code name} that runs {@code userObject}, with
     * slens's version text and the settings of {@link CommandDefaults}.
     */
    static CommandSpec command(String name, Object userObject) {
        return CommandSpec.wrapWithoutInspection(userObject)
                .name(name)
                .versionProvider(new SlensCommand.VersionProvider())
                .modelTransformer(new CommandDefaults());
    }

    /**
     * Adds {@code -h, --help} and {@code -V, --version} with the descriptions that picocli's
     * {@code mixinStandardHelpOptions} gives them. Add them last, where the usage help of an
     * annotated command lists them.
     */
    static CommandSpec addStandardHelpOptions(CommandSpec spec) {
        return spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build())
                .addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                        .description("Print version information and exit.").build());
    }

    /** Returns a flag that takes no value: its value is {@code true} when it is given. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false)
                .description(description).build();
    }

    /** Returns an option that takes one value of {@code type}, shown as {@code label}. */
    static OptionSpec option(Class<?> type, String label, String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).description(description)
                .build();
    }

    /** Returns whether {@code flag}, from {@link #flag}, was given. */
    static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }
}
