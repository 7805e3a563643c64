extension CommandTable {
    /// Every command, in the order `help` lists them. Each is declared beside its handler in a
    /// `Session+*.swift` file; a new command is one declaration there and one entry here.
    public static let standardCommands: [CommandSpec] =
        CommandTable.clusterCommands + CommandTable.clusterAttachCommands + CommandTable.brokerCommands + [
            CommandTable.brokerEvictCacheCommand
        ]
        + CommandTable.faultCommands
        + [
            CommandTable.topicCreateCommand, CommandTable.topicListCommand, CommandTable.topicDescribeCommand,
            CommandTable.topicOffsetsCommand, CommandTable.topicSegmentsCommand, CommandTable.topicCompactionCommand,
            CommandTable.topicCompactCommand, CommandTable.topicAlterCommand, CommandTable.topicDeleteCommand,
            CommandTable.produceCommand, CommandTable.consumeCommand,
        ]
        + CommandTable.consumerCommands + CommandTable.groupCommands + CommandTable.waitCommands
        + CommandTable.metaCommands
        + [
            CommandTable.explainCommand, CommandTable.uiCommand, CommandTable.watchCommand, CommandTable.sourceCommand,
            CommandTable.helpCommand, CommandTable.quitCommand,
        ]
        + CommandTable.labCommands + CommandTable.languageCommands
}
