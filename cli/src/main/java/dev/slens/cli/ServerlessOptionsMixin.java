package dev.slens.cli;

import dev.slens.load.ServerlessOptions;
import picocli.CommandLine.Option;

/** The options that set how Serverless Framework files are resolved, shared by scan and expand. */
final class ServerlessOptionsMixin {

    @Option(names = "--stage", paramLabel = "STAGE",
            description = "Stage that Serverless Framework files are resolved for, as the"
                    + " framework's --stage: it sets $${opt:stage} and $${sls:stage}. Default: the"
                    + " file's provider.stage, else dev.")
    private String stage;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region that Serverless Framework files are resolved for, as the"
                    + " framework's --region: it sets $${opt:region} and $${aws:region}. Default:"
                    + " the file's provider.region, else us-east-1.")
    private String region;

    @Option(names = "--env-from-process",
            description = "Resolves $${env:NAME} in Serverless Framework files from the"
                    + " environment of this process. Without it, such variables are unknown"
                    + " and never cause a finding.")
    private boolean envFromProcess;

    /** Returns the options as the analyzer takes them. */
    ServerlessOptions options() {
        return options(ServerlessOptions.DEFAULT);
    }

    /**
     * Returns the options as the analyzer takes them, with the stage and region of
     * {@code configured}, from the configuration file, where the command line gives none.
     */
    ServerlessOptions options(ServerlessOptions configured) {
        return new ServerlessOptions(stage != null ? stage : configured.stage(),
                region != null ? region : configured.region(),
                envFromProcess ? System.getenv() : null);
    }
}
