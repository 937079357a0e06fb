using Qtl.Cli;

return CommandLine.Run(args);
