package dev.slens.cli;

import dev.slens.load.ServerlessOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options that set how Serverless Framework files are resolved, shared by scan and expand. */
final class ServerlessOptionsMixin {

    private final OptionSpec stage = CommandSpecs.option(String.class, "STAGE",
            "Stage that Serverless Framework files are resolved for, as the framework's --stage:"
                    + " it sets $${opt:stage} and $${sls:stage}. Default: the file's"
                    + " provider.stage, else dev.", "--stage");

    private final OptionSpec region = CommandSpecs.option(String.class, "REGION",
            "Region that Serverless Framework files are resolved for, as the framework's"
                    + " --region: it sets $${opt:region} and $${aws:region}. Default: the file's"
                    + " provider.region, else us-east-1.", "--region");

    private final OptionSpec envFromProcess = CommandSpecs.flag("Resolves $${env:NAME} in"
            + " Serverless Framework files from the environment of this process. Without it,"
            + " such variables are unknown and never cause a finding.", "--env-from-process");

    /** Returns the options as a picocli mixin, for {@link CommandSpec#addMixin}. */
    CommandSpec mixin() {
        return CommandSpec.create().addOption(stage).addOption(region).addOption(envFromProcess);
    }

    /** Returns the options as the analyzer takes them. */
    ServerlessOptions options() {
        return options(ServerlessOptions.DEFAULT);
    }

    /**
     * Returns the options as the analyzer takes them, with the stage and region of
     * {@code configured}, from the configuration file, where the command line gives none.
     */
    ServerlessOptions options(ServerlessOptions configured) {
        String givenStage = stage.getValue();
        String givenRegion = region.getValue();
        return new ServerlessOptions(givenStage != null ? givenStage : configured.stage(),
                givenRegion != null ? givenRegion : configured.region(),
                CommandSpecs.isSet(envFromProcess) ? System.getenv() : null);
    }
}
