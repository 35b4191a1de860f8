using Caravan.Cli;

return await CaravanCli.RunAsync(args, Console.Out, Console.Error);
