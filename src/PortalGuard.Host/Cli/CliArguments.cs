namespace PortalGuard.Host.Cli;

/// <summary>A command's arguments: positionals, flags and options with values, checked against what the command accepts.</summary>
internal sealed class CliArguments
{
    private readonly List<string> _positionals = [];
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> take no value, <paramref name="options"/> take one (<c>--x v</c> or <c>--x=v</c>).</summary>
    public static CliArguments Parse(IEnumerable<string> args, IReadOnlyCollection<string> flags, IReadOnlyCollection<string> options)
    {
        var result = new CliArguments();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg == "--")
            {
                while (e.MoveNext())
                {
                    result._positionals.Add(e.Current);
                }

                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                result._positionals.Add(arg);
                continue;
            }

            var name = arg;
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }

            if (flags.Contains(name, StringComparer.Ordinal) && value is null)
            {
                result._flags.Add(name);
            }
            else if (options.Contains(name, StringComparer.Ordinal))
            {
                if (value is null)
                {
                    value = e.MoveNext() ? e.Current : throw new UsageException($"{name} needs a value.");
                }

                if (!result._options.TryGetValue(name, out var list))
                {
                    result._options[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                throw new UsageException($"Unknown option {name}.");
            }
        }

        return result;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _options.TryGetValue(option, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string option) => _options.TryGetValue(option, out var list) ? list : [];

    /// <summary>Exactly <paramref name="count"/> positionals, or a usage error showing <paramref name="usage"/>.</summary>
    public void ExpectPositionals(int count, string usage)
    {
        if (_positionals.Count != count)
        {
            throw new UsageException(_positionals.Count < count ? $"Missing argument. Usage: {usage}" : $"Unexpected argument '{_positionals[count]}'. Usage: {usage}");
        }
    }
}
