import ArgumentParser

/// `margincert`: exact verification of implicit-bias constructions, and a gradient-flow
/// simulator. Each subcommand lives in its own file.
struct MarginCertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "margincert",
        abstract: "Exactly verify deep-learning theory constructions; simulate gradient flow.",
        subcommands: [CheckCommand.self, MutateCommand.self, EvalCommand.self, ProveCommand.self,
                      SimulateCommand.self, DiscoverCommand.self, MergeCommand.self,
                      FuzzCommand.self,
                      ExperimentCommand.self, WorkerCommand.self])
}

MarginCertCommand.main()
