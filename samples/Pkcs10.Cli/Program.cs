return Pkcs10.Cli.CliApp.Run(args, Console.Out, Console.Error);
