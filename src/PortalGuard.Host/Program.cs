using PortalGuard.Host.Cli;
using PortalGuard.Host.NativeMessaging;
using PortalGuard.Messaging;

// One executable, two modes: a browser launching it for native messaging, or a person at the command line.
var caller = BrowserCaller.FromArguments(args);
return caller is not null
    ? await NativeHostRunner.RunAsync(caller).ConfigureAwait(false)
    : await CommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
